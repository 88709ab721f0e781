#!/usr/bin/env node
// The `platina` command: the precompiled CLI from `npm run build` (dist/), or,
// before the first build, the TypeScript sources through tsx.
import { existsSync } from "node:fs";

const compiled = new URL("../dist/cli.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/local/cli/main.ts");
}
