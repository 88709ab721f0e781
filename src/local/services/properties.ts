// PropertiesService offline: string-only stores kept in the runtime state (the
// sidecar JSON), with Apps Script's per-value and per-store size limits.
import type { ExecutionEnv } from "../execution/env";

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

type Store = Record<string, string>;

interface StoreRef {
  /** The stored map, or undefined while it has never been written. */
  read(): Store | undefined;
  /** The stored map, created on first write. */
  write(): Store;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined || String(key) === "") throw new Error("Invalid argument: key");
  return String(key);
}

/** defineProperty, so that even a key like "__proto__" is stored as data. */
function setOwn(store: Store, key: string, value: string): void {
  Object.defineProperty(store, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Validates a whole store after a change, so a rejected write changes nothing. */
function checkLimits(store: Store): void {
  let total = 0;
  for (const [key, value] of Object.entries(store)) {
    if (bytes(value) > MAX_VALUE_BYTES) throw new Error("Argument too large: value");
    total += bytes(key) + bytes(value);
  }
  if (total > MAX_STORE_BYTES) {
    throw new Error("You have exceeded the property storage quota. Please remove some properties and try again.");
  }
}

class LocalProperties implements GoogleAppsScript.Properties.Properties {
  constructor(private readonly store: StoreRef) {}

  deleteAllProperties(): LocalProperties {
    const store = this.store.read();
    if (store) for (const key of Object.keys(store)) delete store[key];
    return this;
  }

  deleteProperty(key: string): LocalProperties {
    const store = this.store.read();
    if (store) delete store[checkKey(key)];
    return this;
  }

  getKeys(): string[] {
    return Object.keys(this.store.read() ?? {});
  }

  /** A copy: changing it does not change the store. */
  getProperties(): Store {
    return { ...this.store.read() };
  }

  getProperty(key: string): string | null {
    const store = this.store.read();
    const k = checkKey(key);
    return store && Object.hasOwn(store, k) ? store[k] : null;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): LocalProperties {
    const next: Store = deleteAllOthers ? {} : { ...this.store.read() };
    for (const [key, value] of Object.entries(properties)) setOwn(next, checkKey(key), String(value));
    this.replace(next);
    return this;
  }

  setProperty(key: string, value: unknown): LocalProperties {
    const next = { ...this.store.read() };
    setOwn(next, checkKey(key), String(value));
    this.replace(next);
    return this;
  }

  private replace(next: Store): void {
    checkLimits(next);
    const store = this.store.write();
    for (const key of Object.keys(store)) delete store[key];
    for (const [key, value] of Object.entries(next)) setOwn(store, key, value);
  }
}

class LocalPropertiesService implements GoogleAppsScript.Properties.PropertiesService {
  constructor(private readonly env: ExecutionEnv) {}

  getDocumentProperties(): LocalProperties {
    const { env } = this;
    return new LocalProperties({ read: () => env.state.documentProperties, write: () => env.state.documentProperties });
  }

  getScriptProperties(): LocalProperties {
    const { env } = this;
    return new LocalProperties({ read: () => env.state.scriptProperties, write: () => env.state.scriptProperties });
  }

  /** The active user's store; without one (custom functions) the effective user's, i.e. the owner's. */
  getUserProperties(): LocalProperties {
    const { env } = this;
    const user = env.activeUser || env.effectiveUser;
    return new LocalProperties({
      read: () => env.state.userProperties[user],
      write: () => (env.state.userProperties[user] ??= {}),
    });
  }
}

export function createPropertiesService(env: ExecutionEnv): GoogleAppsScript.Properties.PropertiesService {
  return new LocalPropertiesService(env);
}
