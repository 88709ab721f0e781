// README stays true: every menu item, custom function, entry point and CLI command it must describe is there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEntryPoints } from "../scripts/entry-points";
import { PERMISSIONS } from "../src/core/permissions";
import { MENU_ITEMS } from "../src/features/menu";

const root = join(import.meta.dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const entries = readEntryPoints(join(root, "src", "entry-points.ts"));

describe("README", () => {
  it("gives the two quick-start commands", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm test");
  });

  it("describes every menu item and every entry point", () => {
    for (const item of MENU_ITEMS) {
      if (!item) continue;
      expect(readme, item.caption).toContain(item.caption);
    }
    for (const entry of entries) expect(readme, entry.name).toContain(`\`${entry.name}`);
  });

  it("lists every entry point in the permission table, in the row of its declared permission", () => {
    const section = readme.slice(readme.indexOf("## Permissions"), readme.indexOf("### 見出しの確認"));
    for (const [name, permission] of Object.entries(PERMISSIONS)) {
      const row = section.split("\n").find((line) => line.startsWith(`| ${permission} |`));
      expect(row, permission).toBeDefined();
      expect(row, name).toContain(`\`${name}\``);
    }
  });

  it("documents every custom function with an example", () => {
    for (const entry of entries.filter((e) => e.customFunction)) expect(readme, entry.name).toMatch(new RegExp(`=${entry.name}\\(`));
  });

  it("lists every CLI command", () => {
    const cli = readFileSync(join(root, "src", "local", "cli", "main.ts"), "utf8");
    for (const [, command] of cli.matchAll(/\.command\("(\w+)"\)/g)) expect(readme, command).toContain(`platina ${command}`);
  });
});
