// The page's HTML, CSS and script, and the google.script.run shim, bundled with
// esbuild when the workbench starts (everything is served locally: no CDN).
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface ClientAssets {
  html: string;
  css: string;
  script: string;
  /** Inlined into every sidebar, dialog and web-app page. */
  shim: string;
}

/** The workbench folder in the sources (this file's parent); the precompiled CLI (dist/cli.js) finds it from the package root. */
const here = [join(import.meta.dirname, ".."), join(import.meta.dirname, "..", "src", "local", "workbench")].find((dir) =>
  existsSync(join(dir, "page", "index.html")),
) ?? join(import.meta.dirname, "..");

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    write: false,
  });
  return result.outputFiles[0].text;
}

/** Built once per process: a process that starts another workbench (after a restart, or in tests) serves the same sources. */
let built: ClientAssets | null = null;

export async function buildClientAssets(): Promise<ClientAssets> {
  built ??= await bundleClientAssets();
  return built;
}

async function bundleClientAssets(): Promise<ClientAssets> {
  const [script, shim] = await Promise.all([bundle(join(here, "page", "main.ts")), bundle(join(here, "shim", "google-script.ts"))]);
  return {
    html: readFileSync(join(here, "page", "index.html"), "utf8"),
    css: readFileSync(join(here, "page", "style.css"), "utf8"),
    script,
    // A literal "</script" inside the inlined code would end its block early.
    shim: shim.replace(/<\/script/gi, "<\\/script"),
  };
}
