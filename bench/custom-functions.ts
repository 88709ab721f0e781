// Custom functions over large 課題 sheets: ms per call at 10k and 100k rows.
// Target: ≤ 100 ms per call at 100,000 rows × 15 columns, linear in rows.
import { createRequire } from "node:module";
import { join } from "node:path";
import { demoWorkbook } from "../src/demo";

const require = createRequire(import.meta.url);
const gasLocal = require("gas-local");

/** The demo's 課題 rows repeated to `rows` rows, with two extra columns (15 in all). */
function issueSheet(rows: number): unknown[][] {
  const [header, ...data] = demoWorkbook().課題;
  const grid: unknown[][] = [[...header, "備考", "関連URL"]];
  for (let i = 0; i < rows; i++) {
    const source = data[i % data.length];
    grid.push([`X-${i}`, ...source.slice(1), "", ""]);
  }
  return grid;
}

function time(fn: () => unknown, repeat: number): number {
  fn(); // warm up
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
}

export function benchCustomFunctions(): void {
  const addon = gasLocal.require(join(import.meta.dirname, "..", "build"), { Logger: console }, { filter: (f: string) => f.endsWith("Code.js") });
  console.log("\n## Custom functions (ms per call, build/Code.js in a vm context)");
  console.log("rows\tSTATUS\tFOLLOWUP\tDIRECTION\tSTATUS(years)");
  for (const rows of [10_000, 100_000]) {
    const sheet = issueSheet(rows);
    const cells = [
      time(() => addon.PLATINA_STATUS_TABLE(sheet), 5),
      time(() => addon.PLATINA_FOLLOWUP_COUNT(sheet), 5),
      time(() => addon.PLATINA_DIRECTION_TABLE(sheet, "R7"), 5),
      time(() => addon.PLATINA_STATUS_TABLE(sheet, [["R7", "R6"]]), 5),
    ];
    console.log([rows, ...cells.map((ms) => ms.toFixed(1))].join("\t"));
  }
}
