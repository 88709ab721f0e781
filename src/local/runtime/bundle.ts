// The built add-on as Apps Script sees it: Code.js, the manifest and the HTML files.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export interface AddonBundle {
  dir: string;
  script: vm.Script;
  /** Top-level functions: what menus, triggers, google.script.run and the CLI may call. */
  entryPoints: string[];
  /** Functions whose JSDoc has @customfunction, callable from formulas. */
  customFunctions: string[];
  timeZone: string;
  /** The manifest's oauthScopes; null when it lists none (Apps Script then asks for what the code uses). */
  oauthScopes: readonly string[] | null;
  /** A project HTML file by name, with or without ".html"; null when missing. */
  readHtml(name: string): string | null;
}

/**
 * The bundle in `dir`. Read on every call, compiled once per content: every workbook a process
 * opens (a workbench reloading after a failed trigger, each test) runs the same Code.js.
 */
export function loadAddonBundle(dir: string): AddonBundle {
  const codePath = join(dir, "Code.js");
  if (!existsSync(codePath)) throw new Error(`${codePath} がありません。先に npm run build を実行してください。`);
  const code = readFileSync(codePath, "utf8");
  const manifestText = readFileSync(join(dir, "appsscript.json"), "utf8");
  const known = loaded.get(dir);
  if (known && known.code === code && known.manifestText === manifestText) return known.bundle;
  const bundle = compileBundle(dir, codePath, code, manifestText);
  loaded.set(dir, { code, manifestText, bundle });
  return bundle;
}

const loaded = new Map<string, { code: string; manifestText: string; bundle: AddonBundle }>();

function compileBundle(dir: string, codePath: string, code: string, manifestText: string): AddonBundle {
  const manifest = JSON.parse(manifestText) as { timeZone?: string; oauthScopes?: string[] };
  const entryPoints: string[] = [];
  const customFunctions: string[] = [];
  // The build writes each entry point at column 0, preceded by its JSDoc.
  for (const match of code.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?^function ([A-Za-z_$][\w$]*)\s*\(/gm)) {
    entryPoints.push(match[2]);
    if (match[1] && /@customfunction\b/.test(match[1])) customFunctions.push(match[2]);
  }
  return {
    dir,
    script: new vm.Script(code, { filename: codePath }),
    entryPoints,
    customFunctions,
    timeZone: manifest.timeZone ?? "Asia/Tokyo",
    oauthScopes: manifest.oauthScopes ?? null,
    readHtml(name) {
      const file = join(dir, name.endsWith(".html") ? name : `${name}.html`);
      return existsSync(file) ? readFileSync(file, "utf8") : null;
    },
  };
}
