import type { BackendChoiceCache } from '../engine/backend/backend';

const DB = 'pg-lab';
const STORE = 'settings';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function request<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const req = run(db.transaction(STORE, mode).objectStore(STORE));
        req.onsuccess = () => resolve(req.result as T);
        req.onerror = () => reject(req.error);
      }),
  );
}

/** auto's measured backend choice, remembered in IndexedDB across runs and reloads. */
export const indexedDbBackendCache: BackendChoiceCache | undefined =
  typeof indexedDB === 'undefined'
    ? undefined
    : {
        get: (key) => request<string | undefined>('readonly', (s) => s.get(key)),
        set: (key, value) => request<void>('readwrite', (s) => s.put(value, key)),
      };
