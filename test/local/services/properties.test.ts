import { identity } from "../../support/contexts";
import { describe, expect, it } from "vitest";
import { emptyState, type ExecutionEnv, type RuntimeState } from "../../../src/local/execution/env";
import { createPropertiesService } from "../../../src/local/services/properties";

function makeEnv(state: RuntimeState = emptyState(), user = "tanaka@platina.example", overrides: Partial<ExecutionEnv> = {}): ExecutionEnv {
  let now = Date.parse("2026-11-25T00:00:00Z");
  return {
    clock: { now: () => now, sleep: (ms) => void (now += ms) },
    timeZone: "Asia/Tokyo",
    ...identity(user),
    state,
    log: () => undefined,
    ui: null,
    ...overrides,
  };
}

describe("PropertiesService", () => {
  it("stores every value as a string, in the runtime state", () => {
    const env = makeEnv();
    const props = createPropertiesService(env).getScriptProperties();
    props.setProperty("count", 42 as unknown as string).setProperty("flag", true as unknown as string);
    expect(props.getProperty("count")).toBe("42");
    expect(props.getProperty("flag")).toBe("true");
    expect(env.state.scriptProperties).toEqual({ count: "42", flag: "true" });
  });

  it("returns null for missing keys, including names of Object.prototype members", () => {
    const props = createPropertiesService(makeEnv()).getDocumentProperties();
    expect(props.getProperty("missing")).toBeNull();
    expect(props.getProperty("constructor")).toBeNull();
  });

  it("getProperties() is a copy, not the live store", () => {
    const props = createPropertiesService(makeEnv()).getScriptProperties();
    props.setProperty("a", "1");
    const copy = props.getProperties();
    copy.a = "changed";
    copy.b = "added";
    expect(props.getProperties()).toEqual({ a: "1" });
  });

  it("setProperties merges, or replaces everything with deleteAllOthers", () => {
    const props = createPropertiesService(makeEnv()).getScriptProperties();
    props.setProperties({ a: "1", b: "2" });
    props.setProperties({ b: "20", c: "3" });
    expect(props.getProperties()).toEqual({ a: "1", b: "20", c: "3" });
    props.setProperties({ only: "x" }, true);
    expect(props.getKeys()).toEqual(["only"]);
    props.deleteProperty("only");
    expect(props.getKeys()).toEqual([]);
  });

  it("keeps user properties apart per user; a custom function (no active user) gets the effective user's", () => {
    const state = emptyState();
    createPropertiesService(makeEnv(state, "a@platina.example")).getUserProperties().setProperty("k", "A");
    createPropertiesService(makeEnv(state, "b@platina.example")).getUserProperties().setProperty("k", "B");
    expect(createPropertiesService(makeEnv(state, "a@platina.example")).getUserProperties().getProperty("k")).toBe("A");
    const custom = makeEnv(state, "", { effectiveUser: "b@platina.example", authMode: "CUSTOM_FUNCTION" });
    expect(createPropertiesService(custom).getUserProperties().getProperty("k")).toBe("B");
    expect(state.scriptProperties).toEqual({});
  });

  it("refuses a value over 9 KB and leaves the store unchanged", () => {
    const props = createPropertiesService(makeEnv()).getScriptProperties();
    props.setProperty("k", "old");
    expect(() => props.setProperty("k", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    expect(() => props.setProperties({ other: "y", k: "あ".repeat(3073) })).toThrow("Argument too large: value"); // 9219 bytes
    expect(props.getProperties()).toEqual({ k: "old" });
    props.setProperty("k", "x".repeat(9 * 1024));
    expect(props.getProperty("k")).toHaveLength(9216);
  });

  it("refuses to grow a store past 500 KB", () => {
    const props = createPropertiesService(makeEnv()).getScriptProperties();
    const value = "x".repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, value); // 56 × ~9 KB ≈ 504,000 bytes fit; a 57th passes 512,000
    expect(props.getKeys()).toHaveLength(56);
    expect(() => props.setProperty("k56", value)).toThrow("property storage quota");
    expect(props.getKeys()).toHaveLength(56);
  });

  it("deleteAllProperties empties only that store", () => {
    const service = createPropertiesService(makeEnv());
    service.getScriptProperties().setProperty("s", "1");
    service.getDocumentProperties().setProperty("d", "1");
    service.getScriptProperties().deleteAllProperties();
    expect(service.getScriptProperties().getKeys()).toEqual([]);
    expect(service.getDocumentProperties().getKeys()).toEqual(["d"]);
  });
});
