// ExecutionEnv identities for service tests: the context that gives each auth mode.
import { contextIdentity, type AuthModeName, type ExecutionContext } from "../../src/local/execution/contexts";

const BY_AUTH_MODE: Record<AuthModeName, ExecutionContext> = {
  FULL: { kind: "menu" },
  LIMITED: { kind: "simple-trigger", authMode: "LIMITED" },
  NONE: { kind: "simple-trigger", authMode: "NONE" },
  CUSTOM_FUNCTION: { kind: "custom-function" },
};

/** `person` clicked a menu item (FULL), or the execution ran in the context that has `authMode` — in their own Workspace domain. */
export function identity(person: string, authMode: AuthModeName = "FULL") {
  const domain = person.includes("@") ? person.slice(person.lastIndexOf("@") + 1) : null;
  return contextIdentity(BY_AUTH_MODE[authMode], person, { domain, strictUsers: false });
}
