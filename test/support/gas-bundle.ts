// Loads build/Code.js the way Apps Script does (gas-local: one vm context for
// the project's files), with fresh globals each time.
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const gasLocal = require("gas-local") as {
  require(folder: string, globals: object, options?: { filter(file: string): boolean }): Record<string, unknown>;
};

export const BUILD_DIR = join(import.meta.dirname, "..", "..", "build");

/** Names the test gives the context itself, so they are not mistaken for the bundle's globals. */
export const INJECTED = ["Logger", "console"];

export function loadBundle(): Record<string, any> {
  const globals = { Logger: { log: () => undefined }, console };
  return gasLocal.require(BUILD_DIR, globals, { filter: (f) => f.endsWith("Code.js") });
}
