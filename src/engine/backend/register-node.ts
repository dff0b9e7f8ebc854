// Node (CLI, tests): the wasm backend loads its .wasm files from node_modules; cpu is built in.
import '@tensorflow/tfjs-backend-wasm';
