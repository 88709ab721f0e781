// Builds what clasp pushes: build/Code.js (one unminified bundle whose only
// globals are the entry points), appsscript.json and the HTML files.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readEntryPoints, type EntryPoint } from "./entry-points";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "build");
const entryFile = join(root, "src", "entry-points.ts");

/** Name of the property through which each global reaches its bundled implementation. */
export const IMPLEMENTATION_PROPERTY = "implementation_";

function wrapper(entry: EntryPoint): string {
  const params = entry.params.join(", ");
  return `${entry.jsdoc}\nfunction ${entry.name}(${params}) {\n  return ${entry.name}.${IMPLEMENTATION_PROPERTY}.apply(this, arguments);\n}\n`;
}

async function bundle(entries: EntryPoint[]): Promise<string> {
  // The bundle runs once per execution and hands each global its implementation.
  const attach = entries.map((e) => `${e.name}.${IMPLEMENTATION_PROPERTY} = entries.${e.name};`).join("\n");
  const result = await build({
    stdin: {
      contents: `import * as entries from "./src/entry-points";\n${attach}\n`,
      resolveDir: root,
      sourcefile: "platina-entry.ts",
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "neutral",
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    minify: false,
    write: false,
  });
  return result.outputFiles[0].text;
}

export async function buildAddon(): Promise<void> {
  const entries = readEntryPoints(entryFile);
  const code = [
    "// platina — built from src/ by scripts/build.ts. Do not edit: run `npm run build`.",
    "",
    ...entries.map(wrapper),
    await bundle(entries),
  ].join("\n");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "Code.js"), code);
  copyFileSync(join(root, "appsscript.json"), join(outDir, "appsscript.json"));
  const uiDir = join(root, "src", "ui");
  if (existsSync(uiDir)) {
    for (const file of readdirSync(uiDir).filter((f) => f.endsWith(".html"))) {
      copyFileSync(join(uiDir, file), join(outDir, file));
    }
  }
  console.error(`build/Code.js: ${entries.length} entry points, ${(code.length / 1024).toFixed(0)} KiB`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAddon();
}
