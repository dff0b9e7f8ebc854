/// <reference lib="webworker" />
import './register-browser-backends';
import type { Command, RunEvent } from './protocol';
import { RunController } from './run-controller';
import { browserCheckpoints } from './browser-checkpoints';
import { indexedDbBackendCache } from './backend-cache';

declare const self: DedicatedWorkerGlobalScope;

const controller = new RunController((e: RunEvent) => self.postMessage(e), browserCheckpoints, indexedDbBackendCache);
self.onmessage = (msg: MessageEvent<Command>) => controller.handle(msg.data);
