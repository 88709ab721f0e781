// The 進捗報告 dialog: choose the day and years, create the sheet (replacing an
// existing one only when the warning is shown), then offer the printable page.
import { byId } from "../shared/dom";
import type { ReportDialogApi } from "../shared/api";
import { errorText, serverFunctions } from "../shared/server";

declare const google: { script: { host: { close(): void } } };

const call = serverFunctions<ReportDialogApi>();
const form = byId<HTMLFormElement>("form");
const asOf = byId<HTMLInputElement>("as-of");
const exists = byId("exists");
const create = byId<HTMLButtonElement>("create");
const print = byId<HTMLButtonElement>("print");
const status = byId("status");
const error = byId("error");
const existing = new Set<string>(JSON.parse(form.dataset.existing || "[]") as string[]);

function chosenYears(): string[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>('input[name="year"]:checked'), (box) => box.value);
}

function showExisting(): void {
  const replacing = existing.has(asOf.value);
  exists.hidden = !replacing;
  create.textContent = replacing ? "置き換えて作成" : "作成";
}

asOf.addEventListener("input", () => {
  showExisting();
  print.hidden = true;
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  status.textContent = "";
  error.textContent = "";
  const years = chosenYears();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf.value)) {
    error.textContent = "基準日を入力してください。";
    asOf.focus();
    return;
  }
  if (years.length === 0) {
    error.textContent = "対象年度を1つ以上選んでください。";
    return;
  }
  create.disabled = true;
  status.textContent = "作成しています…";
  try {
    const result = await call("createProgressReport", { asOf: asOf.value, years, replace: existing.has(asOf.value) });
    // null only when called without options (the menu opening this dialog).
    if (result === null) return;
    status.textContent = result.ok ? result.message : "";
    error.textContent = result.ok ? "" : result.message;
    if (result.ok) {
      existing.add(asOf.value);
      showExisting();
      print.hidden = false;
    }
  } catch (failure) {
    status.textContent = "";
    error.textContent = `作成できませんでした: ${errorText(failure)}`;
  } finally {
    create.disabled = false;
  }
});

print.addEventListener("click", () => {
  call("showProgressReportPrint", asOf.value, chosenYears()).catch((failure) => {
    error.textContent = `印刷用を表示できませんでした: ${errorText(failure)}`;
  });
});

byId("close").addEventListener("click", () => google.script.host.close());
showExisting();
