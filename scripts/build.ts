// Builds what clasp pushes: build/Code.js (one unminified bundle whose only
// globals are the entry points), appsscript.json and the HTML files.
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PAGES } from "../src/gas/pages";
import { readEntryPoints, type EntryPoint } from "./entry-points";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "build");
const entryFile = join(root, "src", "entry-points.ts");

function webAppDeploymentId(): string {
  const file = join(root, "deploy.json");
  if (!existsSync(file)) return "";
  return (JSON.parse(readFileSync(file, "utf8")) as { webAppDeploymentId?: string | null }).webAppDeploymentId ?? "";
}

/**
 * The language build/Code.js is written in. Apps Script's V8 runtime page
 * (developers.google.com/apps-script/guides/v8-runtime) documents "modern
 * ECMAScript syntax" on the V8 of Chrome and Node.js, without a version; it was
 * launched in February 2020 (V8 8.0, Chrome 80), which implements ES2020. Later
 * syntax is lowered here; later built-ins (Array.prototype.at, replaceAll,
 * Object.hasOwn, …) and Intl's locale data, which the page does not promise,
 * are not used: test/bundle/language.test.ts checks the built bundle.
 */
export const APPS_SCRIPT_TARGET = "es2020";

/** Name of the property through which each global reaches its bundled implementation. */
export const IMPLEMENTATION_PROPERTY = "implementation_";

function wrapper(entry: EntryPoint): string {
  const params = entry.params.join(", ");
  return `${entry.jsdoc}\nfunction ${entry.name}(${params}) {\n  return ${entry.name}.${IMPLEMENTATION_PROPERTY}.apply(this, arguments);\n}\n`;
}

async function bundle(entries: EntryPoint[], deploymentId: string): Promise<string> {
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
    // The web-app deployment `npm run deploy` keeps (deploy.json), for links in mails.
    define: { __PLATINA_WEB_APP_DEPLOYMENT__: JSON.stringify(deploymentId) },
    target: APPS_SCRIPT_TARGET,
    charset: "utf8",
    legalComments: "none",
    minify: false,
    write: false,
  });
  return result.outputFiles[0].text;
}

/**
 * Each folder src/ui/NAME/ with an index.html becomes build/NAME.html, with its
 * CSS and browser code inlined (HtmlService serves one file; no external resources).
 * In index.html, `<!-- inline: style.css -->` becomes a <style> block and
 * `<!-- inline: main.ts -->` the bundled script.
 */
async function buildPages(): Promise<{ name: string; html: string }[]> {
  const uiDir = join(root, "src", "ui");
  if (!existsSync(uiDir)) return [];
  const pages: { name: string; html: string }[] = [];
  for (const name of readdirSync(uiDir)) {
    const dir = join(uiDir, name);
    if (!existsSync(join(dir, "index.html"))) continue;
    let html = readFileSync(join(dir, "index.html"), "utf8");
    for (const match of [...html.matchAll(/<!--\s*inline:\s*([\w./-]+)\s*-->/g)]) {
      const file = join(dir, match[1]);
      const inlined = file.endsWith(".css")
        ? `<style>\n${readFileSync(file, "utf8")}</style>`
        : `<script>\n${await bundleBrowserScript(file)}</script>`;
      html = html.replace(match[0], () => inlined);
    }
    pages.push({ name, html });
  }
  // The add-on names pages by PageName: a folder it cannot name, or a name without a folder, fails here.
  const built = pages.map((p) => p.name).sort();
  if (JSON.stringify(built) !== JSON.stringify([...PAGES].sort())) {
    throw new Error(`src/ui のページ（${built.join(", ")}）と src/gas/pages.ts の PAGES（${PAGES.join(", ")}）が一致しません。両方をそろえてください。`);
  }
  return pages;
}

async function bundleBrowserScript(file: string): Promise<string> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2019",
    charset: "utf8",
    legalComments: "none",
    write: false,
  });
  // A literal "</script" inside the code would end the inline block early.
  return result.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
}

/** build/Code.js's text; `deploymentId` stands in for deploy.json's (tests build for a deployment that way). */
export async function addonCode(options: { deploymentId?: string } = {}): Promise<string> {
  const entries = readEntryPoints(entryFile);
  return [
    "// platina — built from src/ by scripts/build.ts. Do not edit: run `npm run build`.",
    "",
    ...entries.map(wrapper),
    await bundle(entries, options.deploymentId ?? webAppDeploymentId()),
  ].join("\n");
}

export async function buildAddon(): Promise<void> {
  const entries = readEntryPoints(entryFile);
  const code = await addonCode();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "Code.js"), code);
  copyFileSync(join(root, "appsscript.json"), join(outDir, "appsscript.json"));
  for (const page of await buildPages()) writeFileSync(join(outDir, `${page.name}.html`), page.html);
  console.error(`build/Code.js: ${entries.length} entry points, ${(code.length / 1024).toFixed(0)} KiB`);
}

/**
 * The Node-only CLI, precompiled into dist/ so `platina` starts without
 * transpiling TypeScript. Never pushed: clasp pushes build/ only.
 */
export async function buildLocalRuntime(): Promise<void> {
  await build({
    entryPoints: {
      cli: join(root, "src", "local", "cli", "main.ts"),
      "mail-worker": join(root, "src", "local", "services", "mail-worker.ts"),
      "workbench-worker": join(root, "src", "local", "workbench", "worker.ts"),
    },
    outdir: join(root, "dist"),
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // The libraries go in too: a `platina` process or a workbench worker thread then loads
    // one file instead of resolving and compiling a thousand modules (0.3–0.5 s less each start).
    // Bundled CommonJS libraries call require for Node's own modules: the module gets one.
    // esbuild finds its binary beside its own files (the workbench builds its page with it).
    external: ["esbuild"],
    banner: { js: 'import { createRequire as createRequire_ } from "node:module";\nconst require = createRequire_(import.meta.url);' },
    sourcemap: "linked",
    logLevel: "warning",
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAddon();
  await buildLocalRuntime();
}
