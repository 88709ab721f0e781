// The sidecar JSON beside a workbook: runtime state Sheets keeps outside cells
// (properties, cache, triggers, protections, mail quota), written atomically.

import { readFileSync } from "node:fs";
import { emptyState, type RuntimeState } from "../execution/env";
import { writeFileAtomic, type AtomicWriteOptions } from "./atomic-file";

export function sidecarPath(workbookPath: string): string {
  return `${workbookPath}.platina.json`;
}

/** The saved state, or an empty one when there is no sidecar yet. */
export function loadSidecar(path: string): RuntimeState {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw new Error(`サイドカー「${path}」を読めません: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`サイドカー「${path}」が壊れています: ${(error as Error).message}`);
  }
  const base = emptyState();
  if (!isRecord(parsed)) throw new Error(`サイドカー「${path}」が壊れています: JSON オブジェクトではありません`);
  for (const [key, value] of Object.entries(parsed)) {
    const expected = (base as unknown as Record<string, unknown>)[key];
    // A field that starts as null (webAppUrl, spreadsheetId) holds a string once set.
    if (expected !== undefined && kind(value) !== kind(expected) && !(expected === null && typeof value === "string")) {
      throw new Error(`サイドカー「${path}」が壊れています: ${key} の形式が違います`);
    }
  }
  // Fields a different version did not write start empty.
  const state = parsed as Partial<RuntimeState>;
  // An older sidecar counted mail per Tokyo day ("day"); its count carries into a window of unknown start.
  const { day: _day, ...mail } = { ...base.mail, ...state.mail } as RuntimeState["mail"] & { day?: string };
  return {
    ...base,
    ...state,
    cache: { ...base.cache, ...state.cache },
    mail,
    triggerRuntime: { ...base.triggerRuntime, ...state.triggerRuntime },
  };
}

export function saveSidecar(path: string, state: RuntimeState, options?: AtomicWriteOptions): void {
  writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`, options);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
}
