// Session offline: who runs the execution, from the ExecutionEnv.
import { createHash } from "node:crypto";
import type { ExecutionEnv } from "../execution/env";

class LocalUser implements GoogleAppsScript.Base.User {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  getUserLoginId(): string {
    return this.email;
  }

  /** Apps Script prints a User as its email (gas-fakes' live-tested test/testsession.js). */
  toString(): string {
    return this.email;
  }
}

class LocalSession implements GoogleAppsScript.Base.Session {
  constructor(private readonly env: ExecutionEnv) {}

  /** Blank where Apps Script may leave it blank: see contexts.ts. */
  getActiveUser(): LocalUser {
    return new LocalUser(this.env.activeUser);
  }

  getActiveUserLocale(): string {
    return "ja";
  }

  getEffectiveUser(): LocalUser {
    return new LocalUser(this.env.effectiveUser);
  }

  getScriptTimeZone(): string {
    return this.env.timeZone;
  }

  /** Stable per user, and does not reveal the address (a salted hash of it). */
  getTemporaryActiveUserKey(): string {
    return createHash("sha256").update(`platina-temporary-user-key\0${this.env.activeUser}`).digest("base64url");
  }

  getTimeZone(): string {
    return this.getScriptTimeZone();
  }

  getUser(): LocalUser {
    return this.getActiveUser();
  }
}

export function createSession(env: ExecutionEnv): GoogleAppsScript.Base.Session {
  return new LocalSession(env);
}
