// A SpreadsheetApp over a fresh HyperFormula workbook, with a recording UiHost.
import { identity } from "../../../support/contexts";
import type { AuthModeName } from "../../../../src/local/execution/contexts";
import { emptyState, type ButtonName, type ExecutionEnv, type MenuSpec, type UiHost } from "../../../../src/local/execution/env";
import { createSpreadsheetApp } from "../../../../src/local/services/spreadsheet/spreadsheet-app";
import { createWorkbook } from "../../../../src/local/workbook/hf-workbook";

export const OWNER = "suzuki@city.platina.example";

export interface RecordingUi extends UiHost {
  menus: MenuSpec[];
  calls: unknown[][];
  /** What the next alert/prompt answers. */
  answer: { button: ButtonName; text: string };
}

export function recordingUi(): RecordingUi {
  const ui: RecordingUi = {
    menus: [],
    calls: [],
    answer: { button: "OK", text: "" },
    alert: (...args) => (ui.calls.push(["alert", ...args]), ui.answer.button),
    prompt: (...args) => (ui.calls.push(["prompt", ...args]), { ...ui.answer }),
    showSidebar: (...args) => void ui.calls.push(["showSidebar", ...args]),
    showDialog: (...args) => void ui.calls.push(["showDialog", ...args]),
    toast: (...args) => void ui.calls.push(["toast", ...args]),
    addMenu: (menu) => void ui.menus.push(menu),
  };
  return ui;
}

export function makeApp(options: { authMode?: AuthModeName; ui?: UiHost | null; user?: string; sheets?: string[] } = {}) {
  const model = createWorkbook({ name: "プラチナ市役所プロジェクト進捗", timeZone: "Asia/Tokyo" });
  for (const name of options.sheets ?? ["課題", "選択肢"]) model.insertSheet(name);
  const user = options.user ?? OWNER;
  const env: ExecutionEnv = {
    clock: { now: () => Date.UTC(2026, 4, 26, 0), sleep: () => undefined },
    timeZone: "Asia/Tokyo",
    ...identity(user, options.authMode ?? "FULL"),
    state: emptyState(),
    log: () => undefined,
    ui: options.ui ?? null,
  };
  let flushes = 0;
  const app = createSpreadsheetApp(env, model, { id: "sheet-123", onFlush: () => void flushes++ });
  const ss = app.getActive();
  return { app, ss, model, env, flushes: () => flushes };
}

/** The same workbook and state seen by another execution (another user or mode). */
export function otherExecution(from: ReturnType<typeof makeApp>, changes: Partial<ExecutionEnv>) {
  const env = { ...from.env, ...changes };
  return createSpreadsheetApp(env, from.model, { id: "sheet-123" });
}
