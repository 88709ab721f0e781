// The 進捗報告 dialog's states, apart from the page: a day without a report
// (作成), creating, created (開く, 印刷用を表示), a day that already has one
// (開く, 印刷用を表示, 置き換えて作成), and a failure. Each state says what the
// dialog shows, so a success never reads as 「すでにあります」.

export type DialogState =
  | { kind: "new" }
  | { kind: "exists" }
  | { kind: "creating"; replacing: boolean }
  | { kind: "created"; message: string }
  | { kind: "failed"; message: string; exists: boolean };

export interface DialogView {
  notice: { tone: "progress" | "ok" | "warning" | "error"; text: string } | null;
  /** The create button's label; null hides it. */
  create: string | null;
  busy: boolean;
  /** 開く and 印刷用を表示: only when the day's report sheet exists. */
  open: boolean;
}

export function stateForDay(day: string, existing: ReadonlySet<string>): DialogState {
  return existing.has(day) ? { kind: "exists" } : { kind: "new" };
}

export function viewOf(state: DialogState): DialogView {
  switch (state.kind) {
    case "new":
      return { notice: null, create: "作成", busy: false, open: false };
    case "exists":
      return { notice: { tone: "warning", text: "この基準日の報告シートはすでにあります。開くか、置き換えて作り直せます。" }, create: "置き換えて作成", busy: false, open: true };
    case "creating":
      return { notice: { tone: "progress", text: state.replacing ? "置き換えています…" : "作成しています…" }, create: state.replacing ? "置き換えて作成" : "作成", busy: true, open: false };
    case "created":
      return { notice: { tone: "ok", text: state.message }, create: null, busy: false, open: true };
    case "failed":
      return { notice: { tone: "error", text: state.message }, create: state.exists ? "置き換えて作成" : "作成", busy: false, open: state.exists };
  }
}
