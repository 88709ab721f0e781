// CacheService offline: string caches in the runtime state whose entries expire
// against the execution's clock, with Apps Script's key/value/TTL/count limits.
import type { CacheEntry, ExecutionEnv } from "../execution/env";

const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21_600;
const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_ITEMS = 1000;
/** What Apps Script keeps when a cache overflows: the entries farthest from expiry. */
const KEPT_ON_OVERFLOW = 900;

type Entries = Record<string, CacheEntry>;
/** What Apps Script's void cache methods return to the script. */
const VOID = null as unknown as void;

function checkKey(key: unknown): string {
  const text = String(key);
  if (key === null || key === undefined || text === "") throw new Error("Invalid argument: key");
  if (text.length > MAX_KEY_LENGTH) throw new Error("Argument too large: key");
  return text;
}

function checkValue(value: unknown): string {
  const text = String(value);
  if (Buffer.byteLength(text, "utf8") > MAX_VALUE_BYTES) throw new Error("Argument too large: value");
  return text;
}

/** Apps Script treats the TTL as a maximum and caps it at 6 hours rather than failing. */
function ttlMs(seconds: number | undefined): number {
  const s = seconds ?? DEFAULT_TTL_S;
  if (!(s >= 1)) throw new Error("Invalid argument: expirationInSeconds");
  return Math.min(s, MAX_TTL_S) * 1000;
}

class LocalCache implements GoogleAppsScript.Cache.Cache {
  constructor(
    private readonly env: ExecutionEnv,
    private readonly entries: () => Entries,
  ) {}

  get(key: string): string | null {
    const entries = this.live();
    const k = checkKey(key);
    return Object.hasOwn(entries, k) ? entries[k].value : null;
  }

  /** Only the keys found appear in the result. */
  getAll(keys: string[]): Record<string, string> {
    const entries = this.live();
    const found: Record<string, string> = {};
    for (const key of keys.map(checkKey)) if (Object.hasOwn(entries, key)) found[key] = entries[key].value;
    return found;
  }

  // The writers return null, not undefined, as in Apps Script (gas-fakes' live-tested test/teststores.js).
  put(key: string, value: string, expirationInSeconds?: number): void {
    return this.putAll({ [key]: value }, expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    const expiresAt = this.env.clock.now() + ttlMs(expirationInSeconds);
    const checked = Object.entries(values).map(([key, value]) => [checkKey(key), checkValue(value)] as const);
    const entries = this.live();
    // defineProperty, so that even a key like "__proto__" is stored as data.
    for (const [key, value] of checked) Object.defineProperty(entries, key, { value: { value, expiresAt }, enumerable: true, writable: true, configurable: true });
    const keys = Object.keys(entries);
    if (keys.length > MAX_ITEMS) {
      keys.sort((a, b) => entries[a].expiresAt - entries[b].expiresAt);
      for (const key of keys.slice(0, keys.length - KEPT_ON_OVERFLOW)) delete entries[key];
    }
    return VOID;
  }

  remove(key: string): void {
    delete this.live()[checkKey(key)];
    return VOID;
  }

  removeAll(keys: string[]): void {
    const entries = this.live();
    for (const key of keys.map(checkKey)) delete entries[key];
    return VOID;
  }

  /** The entries, with the expired ones purged. */
  private live(): Entries {
    const entries = this.entries();
    const now = this.env.clock.now();
    for (const [key, entry] of Object.entries(entries)) if (entry.expiresAt <= now) delete entries[key];
    return entries;
  }
}

class LocalCacheService implements GoogleAppsScript.Cache.CacheService {
  constructor(private readonly env: ExecutionEnv) {}

  getDocumentCache(): LocalCache {
    return new LocalCache(this.env, () => this.env.state.cache.document);
  }

  getScriptCache(): LocalCache {
    return new LocalCache(this.env, () => this.env.state.cache.script);
  }

  /** The active user's cache; without one (custom functions) the effective user's. */
  getUserCache(): LocalCache {
    const { env } = this;
    const user = env.activeUser || env.effectiveUser;
    return new LocalCache(env, () => (env.state.cache.user[user] ??= {}));
  }
}

export function createCacheService(env: ExecutionEnv): GoogleAppsScript.Cache.CacheService {
  return new LocalCacheService(env);
}
