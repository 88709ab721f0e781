// README and the docs stay true: README gives the quick start and links that lead
// somewhere; the user guide describes every menu item, entry point, permission,
// sheet and custom function; deploy.md every OAuth scope; local-runtime.md every
// CLI command. The lists come from the code, so a new one fails here until documented.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { readEntryPoints } from "../scripts/entry-points";
import { PERMISSIONS } from "../src/core/permissions";
import { MENU_ITEMS } from "../src/features/menu";

const root = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const readme = read("README.md");
const guide = read("docs/user-guide.md");
const deploy = read("docs/deploy.md");
const local = read("docs/local-runtime.md");
const entries = readEntryPoints(join(root, "src", "entry-points.ts"));

/** The text under the heading that starts with `title`, up to the next heading of the same or a higher level. */
function section(doc: string, title: string): string {
  const lines = doc.split("\n");
  const start = lines.findIndex((line) => /^#{1,6} /.test(line) && line.replace(/^#+ /, "").startsWith(title));
  if (start < 0) throw new Error(`見出し「${title}」がありません`);
  const level = lines[start]!.indexOf(" ");
  const end = lines.findIndex((line, i) => i > start && /^#{1,6} /.test(line) && line.indexOf(" ") <= level);
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

/** The table row of `doc` that begins with these cells. */
function row(doc: string, ...cells: string[]): string | undefined {
  return doc.split("\n").find((line) => line.startsWith(`| ${cells.join(" | ")} |`));
}

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(doc: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of doc.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = heading!.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "").replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

/** Every relative link and image of a Markdown file that does not lead to an existing file and heading. */
function brokenLinks(file: string): string[] {
  const text = read(file).replace(/^```[\s\S]*?^```/gm, "");
  const broken: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target!)) continue;
    const [path, anchor] = target!.split("#") as [string, string | undefined];
    const linked = path ? join(root, dirname(file), decodeURI(path)) : join(root, file);
    if (!existsSync(linked)) broken.push(`${target}（ファイルがありません）`);
    else if (anchor !== undefined && !anchors(readFileSync(linked, "utf8")).has(decodeURIComponent(anchor))) broken.push(`${target}（見出しがありません）`);
  }
  return broken;
}

describe("README", () => {
  it("gives the two quick-start commands", () => {
    const quick = section(readme, "Quick start");
    expect(quick).toContain("npm ci && npm start");
    expect(quick).toContain("npm test");
  });

  it("stays a README: well under the 15 KB the CI hook warns at", () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(15_360);
  });

  it("links every document, and briefly says how to deploy with clasp", () => {
    for (const doc of ["docs/user-guide.md", "docs/deploy.md", "docs/local-runtime.md", "docs/apps-script-contexts.md", "docs/architecture.md"]) {
      expect(readme, doc).toContain(`](${doc})`);
    }
    expect(section(readme, "Deploy with clasp")).toContain("npm run deploy");
  });

  it("has links and pictures that lead to existing files and headings, as do the docs", () => {
    const docs = readdirSync(join(root, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`);
    for (const file of ["README.md", ...docs]) expect(brokenLinks(file), file).toEqual([]);
  });
});

describe("docs/user-guide.md", () => {
  it("describes every menu item in the menu table, with its entry point", () => {
    const menu = section(guide, "メニュー「プラチナ」");
    for (const item of MENU_ITEMS) {
      if (!item) continue;
      expect(row(menu, item.caption, `\`${item.functionName}\``), item.caption).toBeDefined();
    }
  });

  it("describes every entry point outside the permission table", () => {
    const permissions = section(guide, "権限");
    const described = guide.replace(permissions, "");
    for (const entry of entries) expect(described, entry.name).toMatch(new RegExp(`\`=?${entry.name}[\`(]`));
  });

  it("lists every entry point in the permission table, in the row of its declared permission", () => {
    const permissions = section(guide, "権限");
    for (const [name, permission] of Object.entries(PERMISSIONS)) {
      const line = row(permissions, permission);
      expect(line, permission).toBeDefined();
      expect(line, name).toContain(`\`${name}\``);
    }
  });

  it("documents every custom function with an example", () => {
    const functions = section(guide, "カスタム関数");
    for (const entry of entries.filter((e) => e.customFunction)) expect(functions, entry.name).toMatch(new RegExp(`\`=${entry.name}\\(`));
  });

  it("gives every sheet contract's headers, in order, in the sheet table", async () => {
    const table = section(guide, "シートと見出し");
    const dir = join(root, "src", "core", "contracts");
    const contracts: { name: string; headers: readonly string[] }[] = [];
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
      for (const value of Object.values(await import(pathToFileURL(join(dir, file)).href))) {
        const contract = value as { name?: unknown; headers?: unknown };
        if (typeof contract?.name === "string" && Array.isArray(contract.headers)) contracts.push(contract as (typeof contracts)[number]);
      }
    }
    expect(contracts.map((c) => c.name)).toContain("課題");
    for (const contract of contracts) {
      const line = row(table, `**${contract.name}**`);
      expect(line, `${relative(root, dir)}: ${contract.name}`).toBeDefined();
      let at = 0;
      for (const header of contract.headers) {
        const found = line!.indexOf(header, at);
        expect(found, `${contract.name}: ${header}`).toBeGreaterThanOrEqual(0);
        at = found + header.length;
      }
    }
  });
});

describe("docs/deploy.md", () => {
  it("gives every OAuth scope of appsscript.json with why it is needed", () => {
    const scopes = (JSON.parse(read("appsscript.json")) as { oauthScopes: string[] }).oauthScopes;
    const table = section(deploy, "スコープとその理由");
    for (const scope of scopes) expect(row(table, `\`${scope}\``), scope).toMatch(/^\| `[^`]+` \| \S/);
  });
});

describe("docs/local-runtime.md", () => {
  it("lists every CLI command", () => {
    const cli = read("src/local/cli/program.ts");
    const commands = [...cli.matchAll(/\.command\("(\w+)"\)/g)].map(([, command]) => command!);
    expect(commands).toContain("start");
    const table = section(local, "CLI");
    for (const command of commands) expect(table, command).toMatch(new RegExp(`^\\| \`platina ${command}\\b`, "m"));
  });
});
