// Imports point only downward: entry points → features → gas boundary → core → contracts
// → base, and the add-on's folders import each other without a cycle.
import { describe, expect, it } from "vitest";
import { folderCycles, importsOf, sourceFiles, type Imports } from "./source-graph";

const RANK = { base: 0, contracts: 1, core: 2, gas: 3, features: 4, "entry-points": 5 } as const;
type Layer = keyof typeof RANK | "ui" | "other";

/** core/base (text, A1, Tokyo time, tables by header) and core/contracts are layers of their own below core. */
function layerOf(path: string): Layer {
  if (path === "src/entry-points" || path === "src/entry-points.ts") return "entry-points";
  const [, top, sub] = path.split("/");
  if (top === "core" && (sub === "base" || sub === "contracts")) return sub;
  return top === "core" || top === "gas" || top === "features" || top === "ui" ? top : "other";
}

const CORE_LAYERS: readonly Layer[] = ["base", "contracts", "core"];

const ADDON = ["src/entry-points.ts", ...sourceFiles("src/core"), ...sourceFiles("src/gas"), ...sourceFiles("src/features")];

function upwardImports(files: string[], imports: Imports = importsOf): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const { target, typeOnly } of imports(file)) {
      const to = layerOf(target);
      if (from === "ui") {
        // Browser code: core's plain logic, and the server's signatures as types only.
        const allowed = to === "ui" || CORE_LAYERS.includes(to) || (to === "entry-points" && typeOnly);
        if (!allowed) wrong.push(`${file} → ${target}`);
      } else if (from !== "other" && (to === "other" || to === "ui" || RANK[to] > RANK[from])) {
        if (!(from === "entry-points" && to === "entry-points")) wrong.push(`${file} → ${target}`);
      }
    }
  }
  return wrong;
}

describe("layers", () => {
  it("import only downward (entry points → features → gas → core → contracts → base; the browser pages only core and the entry points' types)", () => {
    expect(upwardImports([...ADDON, ...sourceFiles("src/ui")])).toEqual([]);
  });

  it("see an upward import and a cycle when there is one", () => {
    const value = (target: string) => [{ target, typeOnly: false }];
    expect(upwardImports(["src/core/contracts/x.ts"], () => value("src/gas/table"))).toEqual(["src/core/contracts/x.ts → src/gas/table"]);
    expect(upwardImports(["src/core/contracts/x.ts"], () => value("src/core/settings"))).toEqual(["src/core/contracts/x.ts → src/core/settings"]);
    expect(upwardImports(["src/core/base/x.ts"], () => value("src/core/contracts/issues"))).toEqual(["src/core/base/x.ts → src/core/contracts/issues"]);
    expect(upwardImports(["src/core/mailing/x.ts"], () => value("src/core/contracts/issues"))).toEqual([]);
    expect(upwardImports(["src/features/x.ts"], () => value("src/entry-points"))).toEqual(["src/features/x.ts → src/entry-points"]);
    expect(upwardImports(["src/ui/x/main.ts"], () => value("src/entry-points"))).toEqual(["src/ui/x/main.ts → src/entry-points"]);
    const graph: Record<string, string> = { "src/features/a/x.ts": "src/features/b/y", "src/features/b/y.ts": "src/features/a/x" };
    expect(folderCycles(Object.keys(graph), (f) => value(graph[f]))).toEqual([["src/features/a", "src/features/b"]]);
  });

  it("have no import cycle among the add-on's folders", () => {
    expect(folderCycles(ADDON)).toEqual([]);
  });
});
