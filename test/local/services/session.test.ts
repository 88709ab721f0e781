import { identity } from "../../support/contexts";
import { describe, expect, it } from "vitest";
import { emptyState, type ExecutionEnv } from "../../../src/local/execution/env";
import { createSession } from "../../../src/local/services/session";

function makeEnv(overrides: Partial<ExecutionEnv> = {}): ExecutionEnv {
  return {
    clock: { now: () => 0, sleep: () => undefined },
    timeZone: "Asia/Tokyo",
    ...identity("tanaka@platina.example"),
    effectiveUser: "owner@platina.example",
    state: emptyState(),
    log: () => undefined,
    ui: null,
    ...overrides,
  };
}

describe("Session", () => {
  it("reports the active and the effective user", () => {
    const session = createSession(makeEnv());
    expect(session.getActiveUser().getEmail()).toBe("tanaka@platina.example");
    expect(session.getEffectiveUser().getEmail()).toBe("owner@platina.example");
  });

  it("hides the active user's address from custom functions", () => {
    const session = createSession(makeEnv(identity("tanaka@platina.example", "CUSTOM_FUNCTION")));
    expect(session.getActiveUser().getEmail()).toBe("");
  });

  it("reports the script time zone and a Japanese locale", () => {
    const session = createSession(makeEnv({ timeZone: "UTC" }));
    expect(session.getScriptTimeZone()).toBe("UTC");
    expect(session.getActiveUserLocale()).toBe("ja");
  });

  it("gives a temporary key that is stable per user and does not reveal the address", () => {
    const key = createSession(makeEnv()).getTemporaryActiveUserKey();
    expect(createSession(makeEnv()).getTemporaryActiveUserKey()).toBe(key);
    expect(createSession(makeEnv({ activeUser: "suzuki@platina.example" })).getTemporaryActiveUserKey()).not.toBe(key);
    expect(key).not.toContain("tanaka");
    expect(key.length).toBeGreaterThanOrEqual(32);
  });
});
