#!/usr/bin/env node
// The `platina` command: runs the TypeScript CLI through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../src/local/cli/main.ts");
