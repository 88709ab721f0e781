import { describe, it, expect } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emptyState } from "../../../src/local/execution/env";
import { loadSidecar, saveSidecar, sidecarPath } from "../../../src/local/workbook/sidecar";

const tempDir = () => mkdtempSync(join(tmpdir(), "platina-sidecar-"));

describe("sidecar", () => {
  it("sits beside the workbook", () => {
    expect(sidecarPath("/data/進捗.xlsx")).toBe("/data/進捗.xlsx.platina.json");
  });

  it("starts empty when missing and round-trips the state", () => {
    const path = sidecarPath(join(tempDir(), "book.xlsx"));
    expect(loadSidecar(path)).toEqual(emptyState());
    const state = emptyState();
    state.scriptProperties["年度"] = "R7";
    state.mail = { since: Date.parse("2026-05-26T10:30:00+09:00"), recipientsUsed: 3, dailyQuota: 1500 };
    state.triggerRuntime.users["henkaku@city.example"] = { since: Date.parse("2026-05-26T09:00:00+09:00"), usedMs: 42_000 };
    state.webAppUrl = "http://localhost:8080/exec";
    saveSidecar(path, state);
    expect(loadSidecar(path)).toEqual(state);
  });

  it("fills in fields an older sidecar did not have", () => {
    const path = join(tempDir(), "old.platina.json");
    writeFileSync(path, JSON.stringify({ scriptProperties: { a: "1" }, cache: { script: {} } }));
    expect(loadSidecar(path)).toEqual({ ...emptyState(), scriptProperties: { a: "1" } });
  });

  it("reads an older sidecar's per-day mail count into the rolling window", () => {
    const path = join(tempDir(), "day.platina.json");
    writeFileSync(path, JSON.stringify({ mail: { day: "2026-05-26", recipientsUsed: 3, dailyQuota: 100 } }));
    expect(loadSidecar(path).mail).toEqual({ since: null, recipientsUsed: 3, dailyQuota: 100 });
  });

  it("names the file when it is corrupt", () => {
    const dir = tempDir();
    const broken = join(dir, "broken.platina.json");
    writeFileSync(broken, "{ not json");
    expect(() => loadSidecar(broken)).toThrow(`サイドカー「${broken}」が壊れています: `);
    const wrongShape = join(dir, "shape.platina.json");
    writeFileSync(wrongShape, JSON.stringify({ triggers: {} }));
    expect(() => loadSidecar(wrongShape)).toThrow(`サイドカー「${wrongShape}」が壊れています: triggers の形式が違います`);
    writeFileSync(wrongShape, "[]");
    expect(() => loadSidecar(wrongShape)).toThrow("JSON オブジェクトではありません");
  });

  it("keeps the old sidecar when a save crashes before the rename", () => {
    const dir = tempDir();
    const path = join(dir, "book.xlsx.platina.json");
    saveSidecar(path, emptyState());
    const before = readFileSync(path);
    const changed = { ...emptyState(), scriptProperties: { x: "y" } };
    expect(() =>
      saveSidecar(path, changed, {
        beforeRename: () => {
          throw new Error("simulated crash");
        },
      }),
    ).toThrow("simulated crash");
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["book.xlsx.platina.json"]);
  });
});
