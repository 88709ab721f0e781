// The 進捗報告 dialog: choose the day and years, create the sheet (or replace the
// day's existing one), then open it or show the printable page. What it shows
// follows the state (states.ts).
import { byId } from "../shared/dom";
import type { ReportDialogApi } from "../shared/api";
import { errorText, serverFunctions } from "../shared/server";
import { stateForDay, viewOf, type DialogState } from "./states";

declare const google: { script: { host: { close(): void } } };

const call = serverFunctions<ReportDialogApi>();
const form = byId<HTMLFormElement>("form");
const asOf = byId<HTMLInputElement>("as-of");
const notice = byId("notice");
const create = byId<HTMLButtonElement>("create");
const open = byId<HTMLButtonElement>("open");
const print = byId<HTMLButtonElement>("print");
const existing = new Set<string>(JSON.parse(form.dataset.existing || "[]") as string[]);

function chosenYears(): string[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>('input[name="year"]:checked'), (box) => box.value);
}

function show(state: DialogState): void {
  const view = viewOf(state);
  notice.textContent = view.notice?.text ?? "";
  notice.className = `notice${view.notice ? ` ${view.notice.tone}` : ""}`;
  // Errors interrupt; progress and success are announced politely.
  notice.setAttribute("role", view.notice?.tone === "error" ? "alert" : "status");
  create.hidden = view.create === null;
  create.textContent = view.create ?? "";
  create.disabled = view.busy;
  open.hidden = !view.open;
  print.hidden = !view.open;
}

/** A problem with the input, shown without touching the server. */
function refuse(message: string): void {
  show({ kind: "failed", message, exists: existing.has(asOf.value) });
}

asOf.addEventListener("input", () => show(stateForDay(asOf.value, existing)));

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const day = asOf.value;
  const years = chosenYears();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    refuse("基準日を入力してください。");
    asOf.focus();
    return;
  }
  if (years.length === 0) return refuse("対象年度を1つ以上選んでください。");
  const replacing = existing.has(day);
  show({ kind: "creating", replacing });
  try {
    const result = await call("createProgressReport", { asOf: day, years, replace: replacing });
    // null only when called without options (the menu opening this dialog).
    if (result === null) return;
    if (result.ok) {
      existing.add(day);
      show({ kind: "created", message: result.message });
    } else {
      show({ kind: "failed", message: result.message, exists: replacing });
    }
  } catch (failure) {
    show({ kind: "failed", message: `作成できませんでした: ${errorText(failure)}`, exists: replacing });
  }
});

open.addEventListener("click", () => {
  call("openProgressReportSheet", asOf.value).catch((failure) => refuse(`開けませんでした: ${errorText(failure)}`));
});

print.addEventListener("click", () => {
  call("showProgressReportPrint", asOf.value, chosenYears()).catch((failure) => refuse(`印刷用を表示できませんでした: ${errorText(failure)}`));
});

byId("close").addEventListener("click", () => google.script.host.close());
show(stateForDay(asOf.value, existing));
