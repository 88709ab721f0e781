// What a durable commit point costs: SpreadsheetApp.flush() appends the writes
// since the last one to the fsynced commit log, so its cost follows the writes,
// not the workbook — compared with saving the whole .xlsx at 10,000 rows.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDemoModel } from "../src/local/demo-workbook";
import { fakeClock } from "../src/local/runtime/clock";
import { openWorkbook } from "../src/local/runtime/open";
import { saveWorkbook } from "../src/local/workbook/xlsx-store";

const FLUSHES = 200;
const CODE = `
function appendAndFlush(n, flush) {
  var sheet = SpreadsheetApp.getActive().getSheetByName("課題");
  for (var i = 0; i < n; i++) { sheet.getRange(2 + i, 11).setValue("メモ " + i); if (flush) SpreadsheetApp.flush(); }
  return n;
}`;

export async function benchDurability(): Promise<void> {
  const bundle = mkdtempSync(join(tmpdir(), "platina-bench-flush-bundle-"));
  writeFileSync(join(bundle, "Code.js"), CODE);
  writeFileSync(join(bundle, "appsscript.json"), JSON.stringify({ timeZone: "Asia/Tokyo", runtimeVersion: "V8" }));
  console.log(`\n## Durable commit points: ${FLUSHES} one-cell writes, each followed by SpreadsheetApp.flush() (ms)`);
  console.log("issues\twith flush\twithout\tper flush\tsave .xlsx");
  for (const issues of [108, 10_000]) {
    const dir = mkdtempSync(join(tmpdir(), "platina-bench-flush-"));
    const path = join(dir, "book.xlsx");
    const model = createDemoModel();
    const sheet = model.getSheetByName("課題")!;
    const template = sheet.getValues({ row: 1, column: 0, numRows: 108, numColumns: 13 });
    if (issues > 108) {
      sheet.setCells(1, 0, Array.from({ length: issues }, (_, i) =>
        template[i % 108].map((v, c) => (c === 0 ? { kind: "value" as const, value: `B-${i}` } : v === "" ? { kind: "empty" as const } : { kind: "value" as const, value: v }))));
    }
    await saveWorkbook(model, path);
    const opened = await openWorkbook({ workbook: path, bundleDir: bundle, clock: fakeClock(Date.now()) });
    const time = async (flush: boolean) => {
      const t = performance.now();
      const execution = opened.runtime.run("appendAndFlush", [FLUSHES, flush]);
      if (!execution.ok) throw new Error(execution.error?.message);
      const ms = performance.now() - t;
      await opened.settle(execution);
      return ms;
    };
    const withFlush = await time(true);
    const without = await time(false);
    // The .xlsx saved whole, as a flush would cost if it wrote the workbook.
    const t = performance.now();
    await saveWorkbook(opened.runtime.model, path);
    const save = performance.now() - t;
    opened.close();
    console.log(`${issues}\t${withFlush.toFixed(0)}\t${without.toFixed(0)}\t${((withFlush - without) / FLUSHES).toFixed(2)}\t${save.toFixed(0)}`);
  }
}
