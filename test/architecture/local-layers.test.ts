// The local runtime (src/local) in layers, imports pointing only downward:
// cli → workbench → demo → runtime → services → workbook → execution,
// with no cycle among its folders or its files.
import { describe, expect, it } from "vitest";
import { fileCycles, folderCycles, importsOf, sourceFiles, type Imports } from "./source-graph";

const RANK = { execution: 0, workbook: 1, services: 2, runtime: 3, demo: 4, workbench: 5, cli: 6 } as const;
type Layer = keyof typeof RANK;

/**
 * What of the add-on each layer may import. The Apps Script emulation (execution up to
 * runtime) knows nothing of the add-on but its plain base; only the demo builds from
 * src/demo; nothing imports src/gas, src/features, src/ui or the entry points: the
 * runtime runs build/Code.js.
 */
const ADDON: Record<Layer, readonly string[]> = {
  execution: ["src/core/base/"],
  workbook: ["src/core/base/"],
  services: ["src/core/base/"],
  runtime: ["src/core/base/"],
  demo: ["src/core/", "src/demo/"],
  workbench: ["src/core/"],
  cli: ["src/core/"],
};

/** Browser code (bundled for the page and the surfaces): the workbench's protocol as types only, and core/base. */
const BROWSER = ["src/local/workbench/page/", "src/local/workbench/shim/"];
const BROWSER_MAY = { value: [...BROWSER, "src/core/base/"], typeOnly: ["src/local/workbench/protocol/"] };

/** The layer of a path: its folder under src/local, or the demo for demo-workbook.ts; null for anything else. */
function layerOf(path: string): Layer | null {
  const [src, local, top] = path.split("/");
  if (src !== "src" || local !== "local" || top === undefined) return null;
  if (top === "demo-workbook" || top === "demo-workbook.ts") return "demo";
  return top in RANK && path.split("/").length > 3 ? (top as Layer) : null;
}

function wrongImports(files: string[], imports: Imports = importsOf): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const { target, typeOnly } of imports(file)) {
      const to = layerOf(target);
      const inside = `${target}/`;
      let allowed =
        from !== null &&
        (to !== null ? RANK[to] <= RANK[from] : !target.startsWith("src/local/") && ADDON[from].some((p) => inside.startsWith(p)));
      if (BROWSER.some((p) => file.startsWith(p))) {
        allowed &&= BROWSER_MAY.value.some((p) => inside.startsWith(p)) || (typeOnly && BROWSER_MAY.typeOnly.some((p) => inside.startsWith(p)));
      }
      if (!allowed) wrong.push(`${file} → ${target}`);
    }
  }
  return wrong;
}

const LOCAL = sourceFiles("src/local");

describe("the local runtime's layers", () => {
  it("hold every file of src/local", () => {
    expect(LOCAL.filter((file) => layerOf(file) === null)).toEqual([]);
  });

  it("import only downward (cli → workbench → demo → runtime → services → workbook → execution), and of the add-on only what each may", () => {
    expect(wrongImports(LOCAL)).toEqual([]);
  });

  it("have no import cycle among src/local's folders", () => {
    expect(folderCycles(LOCAL)).toEqual([]);
  });

  it("have no import cycle among src/local's files (type-only imports count)", () => {
    expect(fileCycles(LOCAL)).toEqual([]);
  });

  it("see an upward import, an add-on import a layer may not make, a browser file reaching the server, and a cycle", () => {
    const value = (target: string) => [{ target, typeOnly: false }];
    const check = (file: string, target: string) => wrongImports([file], () => value(target));
    expect(check("src/local/services/lock.ts", "src/local/execution/env")).toEqual([]);
    expect(check("src/local/services/lock.ts", "src/local/runtime/env")).toEqual(["src/local/services/lock.ts → src/local/runtime/env"]);
    expect(check("src/local/runtime/open.ts", "src/local/demo-workbook")).toEqual(["src/local/runtime/open.ts → src/local/demo-workbook"]);
    expect(check("src/local/cli/demo.ts", "src/local/demo-workbook")).toEqual([]);
    expect(check("src/local/workbench/server.ts", "src/local/cli/shared")).toEqual(["src/local/workbench/server.ts → src/local/cli/shared"]);
    expect(check("src/local/workbook/a1.ts", "src/core/base/a1")).toEqual([]);
    expect(check("src/local/workbook/a1.ts", "src/core/contracts/issues")).toEqual(["src/local/workbook/a1.ts → src/core/contracts/issues"]);
    expect(check("src/local/runtime/open.ts", "src/demo")).toEqual(["src/local/runtime/open.ts → src/demo"]);
    expect(check("src/local/workbench/worker/users.ts", "src/core/contracts/issues")).toEqual([]);
    expect(check("src/local/workbench/worker/users.ts", "src/gas/table")).toEqual(["src/local/workbench/worker/users.ts → src/gas/table"]);
    expect(check("src/local/cli/main.ts", "src/entry-points")).toEqual(["src/local/cli/main.ts → src/entry-points"]);
    expect(check("src/local/misc/x.ts", "src/local/execution/env")).toEqual(["src/local/misc/x.ts → src/local/execution/env"]);
    expect(check("src/local/workbench/page/main.ts", "src/local/workbench/server/http")).toEqual([
      "src/local/workbench/page/main.ts → src/local/workbench/server/http",
    ]);
    expect(check("src/local/workbench/page/main.ts", "src/local/workbench/protocol/api-types")).toEqual([
      "src/local/workbench/page/main.ts → src/local/workbench/protocol/api-types",
    ]);
    expect(wrongImports(["src/local/workbench/page/main.ts"], () => [{ target: "src/local/workbench/protocol/api-types", typeOnly: true }])).toEqual([]);

    const graph: Record<string, string[]> = {
      "src/local/services/a.ts": ["src/local/services/b"],
      "src/local/services/b.ts": ["src/local/services/c"],
      "src/local/services/c.ts": ["src/local/services/a"],
      "src/local/services/d.ts": ["src/local/services/a"],
    };
    const imports = (file: string) => graph[file].map(value).flat();
    expect(fileCycles(Object.keys(graph), imports)).toEqual([["src/local/services/a", "src/local/services/b", "src/local/services/c"]]);
    delete graph["src/local/services/c.ts"];
    expect(fileCycles(Object.keys(graph), imports)).toEqual([]);
  });
});
