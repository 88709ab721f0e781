import { identity } from "../../support/contexts";
import { describe, expect, it } from "vitest";
import { emptyState, type ExecutionEnv, type RuntimeState } from "../../../src/local/execution/env";
import { createCacheService } from "../../../src/local/services/cache";

const START = Date.parse("2026-11-25T00:00:00Z");

function makeEnv(state: RuntimeState = emptyState(), user = "tanaka@platina.example") {
  let now = START;
  const env: ExecutionEnv = {
    clock: { now: () => now, sleep: (ms) => void (now += ms) },
    timeZone: "Asia/Tokyo",
    ...identity(user),
    state,
    log: () => undefined,
    ui: null,
  };
  return { env, advance: (ms: number) => void (now += ms) };
}

describe("CacheService", () => {
  it("keeps a value for 600 s by default", () => {
    const { env, advance } = makeEnv();
    const cache = createCacheService(env).getScriptCache();
    cache.put("k", "v");
    advance(599_999);
    expect(cache.get("k")).toBe("v");
    advance(1);
    expect(cache.get("k")).toBeNull();
  });

  // gas-fakes' test/teststores.js, run in live Apps Script: put and remove return null.
  it("returns null from put, putAll, remove and removeAll, as Apps Script does", () => {
    const cache = createCacheService(makeEnv().env).getScriptCache();
    const results: unknown[] = [cache.put("k", "v"), cache.putAll({ a: "1" }, 60), cache.remove("k"), cache.removeAll(["a"])];
    expect(results).toEqual([null, null, null, null]);
    expect(cache.get("k")).toBeNull();
  });

  it("honours a TTL and caps it at 6 hours", () => {
    const { env, advance } = makeEnv();
    const cache = createCacheService(env).getScriptCache();
    cache.put("short", "v", 5);
    cache.put("long", "v", 86_400);
    advance(5_000);
    expect(cache.get("short")).toBeNull();
    advance(21_600_000 - 5_001);
    expect(cache.get("long")).toBe("v");
    advance(1);
    expect(cache.get("long")).toBeNull();
  });

  it("purges expired entries from the saved state when it is used", () => {
    const { env, advance } = makeEnv();
    const cache = createCacheService(env).getScriptCache();
    cache.put("old", "v", 1);
    cache.put("new", "v", 100);
    advance(2_000);
    cache.get("new");
    expect(Object.keys(env.state.cache.script)).toEqual(["new"]);
  });

  it("stores strings; getAll returns only the keys found", () => {
    const { env } = makeEnv();
    const cache = createCacheService(env).getScriptCache();
    cache.putAll({ a: "1", b: 2 });
    expect(cache.getAll(["a", "b", "missing", "constructor"])).toEqual({ a: "1", b: "2" });
    cache.removeAll(["a", "b"]);
    expect(cache.getAll(["a", "b"])).toEqual({});
  });

  it("enforces the key and value size limits", () => {
    const { env } = makeEnv();
    const cache = createCacheService(env).getScriptCache();
    expect(() => cache.put("k".repeat(251), "v")).toThrow("Argument too large: key");
    expect(() => cache.put("k", "x".repeat(100 * 1024 + 1))).toThrow("Argument too large: value");
    cache.put("k".repeat(250), "x".repeat(100 * 1024));
    expect(cache.get("k".repeat(250))).toHaveLength(100 * 1024);
  });

  it("on overflow past 1000 items keeps the 900 farthest from expiry", () => {
    const { env } = makeEnv();
    const cache = createCacheService(env).getScriptCache();
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, "v", 100 + i);
    expect(Object.keys(env.state.cache.script)).toHaveLength(900);
    expect(cache.get("k100")).toBeNull();
    expect(cache.get("k101")).toBe("v");
  });

  it("keeps user caches apart and the script cache shared", () => {
    const state = emptyState();
    const a = createCacheService(makeEnv(state, "a@platina.example").env);
    const b = createCacheService(makeEnv(state, "b@platina.example").env);
    a.getUserCache().put("k", "A");
    a.getScriptCache().put("shared", "S");
    expect(b.getUserCache().get("k")).toBeNull();
    expect(b.getScriptCache().get("shared")).toBe("S");
    expect(a.getUserCache().get("k")).toBe("A");
  });
});
