// DOM wiring of the sidebar's 未整理の課題 section: the secretariat sorts each new
// issue (整理区分, and for ② and ③ the issue it goes to). Shown to the secretariat only;
// decisions live in intake-logic.ts, every piece of data is written with textContent.
import type { IssueRecord } from "../../core/contracts/issues";
import { isRefusal } from "../../core/outcome";
import type { IntakeApi, SortingChoice } from "../shared/api";
import { byId, createBusy, h } from "../shared/dom";
import { errorText, serverFunctions } from "../shared/server";
import {
  choiceLabel, draftErrors, intakeTitle, needsTarget, sortFailureText, sortedText, sortingRequest, targetLabel, type DraftErrors, type SortingDraft,
} from "./intake-logic";

const call = serverFunctions<IntakeApi>();

const ui = {
  section: byId<HTMLDetailsElement>("intake"),
  title: byId("intake-title"),
  list: byId<HTMLUListElement>("intake-list"),
  empty: byId("intake-empty"),
  status: byId("intake-status"),
  alert: byId("intake-alert"),
};

let choices: readonly SortingChoice[] = [];
let issues: IssueRecord[] = [];
/** Told of each sorted issue, so the issue list shows its new 整理区分. */
let onSorted: (issue: IssueRecord) => void = () => undefined;

const busy = createBusy(byId("intake-busy"), (active) => {
  for (const control of Array.from(ui.list.querySelectorAll<HTMLButtonElement>("button"))) control.disabled = active;
});

/** Loads the section; it stays hidden for anyone but the secretariat (the server refuses them). */
export async function loadIntake(sorted: (issue: IssueRecord) => void): Promise<void> {
  onSorted = sorted;
  try {
    const view = await call("getUnsortedIssues");
    if (isRefusal(view)) return;
    choices = view.choices;
    issues = view.issues;
  } catch {
    // The issue list works without it.
    return;
  }
  ui.section.hidden = false;
  // Folded when there is nothing to sort, so the issue list stays in view.
  ui.section.open = issues.length > 0;
  render();
}

function render(): void {
  ui.title.textContent = intakeTitle(issues.length);
  ui.empty.hidden = issues.length > 0;
  ui.list.replaceChildren(...issues.map(item));
}

/** One issue: what it is, the 整理区分 select, the 統合先ID field (② and ③ only), and its button. */
function item(issue: IssueRecord, index: number): HTMLLIElement {
  const key = `intake-${index}`;
  const select = h("select", { id: `${key}-sorting`, "aria-describedby": `${key}-sorting-error` },
    h("option", { value: "" }, "選んでください"), ...choices.map((c) => h("option", { value: c.value }, choiceLabel(c))));
  const target = h("input", { id: `${key}-target`, type: "text", autocomplete: "off", placeholder: "例: R7-032", "aria-describedby": `${key}-target-error` });
  const targetName = h("label", { for: `${key}-target` }, "");
  const targetField = h("div", { class: "field" }, targetName, target, h("p", { id: `${key}-target-error`, class: "field-error" }));
  targetField.hidden = true;
  const form = h("form", { class: "intake-item", novalidate: "", "aria-labelledby": `${key}-name` },
    h("p", { id: `${key}-name`, class: "item-name" }, h("span", { class: "id" }, issue.ID), " ", issue.課題名),
    h("p", { class: "help" }, [issue.年度, issue.制度所管局, issue.所管課].filter(Boolean).join("・")),
    h("div", { class: "field" }, h("label", { for: `${key}-sorting` }, "整理区分"), select, h("p", { id: `${key}-sorting-error`, class: "field-error" })),
    targetField,
    h("button", { type: "submit", class: "primary" }, "整理する"),
  );
  select.addEventListener("change", () => {
    targetField.hidden = !needsTarget(choices, select.value);
    targetName.textContent = targetLabel(select.value);
    showErrors(form, key, {});
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void sort(issue, { 整理区分: select.value, 統合先ID: target.value }, form, key);
  });
  return h("li", {}, form);
}

function showErrors(form: HTMLFormElement, key: string, errors: DraftErrors): void {
  for (const [field, suffix] of [["整理区分", "sorting"], ["統合先ID", "target"]] as const) {
    const input = form.querySelector<HTMLElement>(`#${key}-${suffix}`);
    const message = errors[field] ?? "";
    byId(`${key}-${suffix}-error`).textContent = message;
    input?.setAttribute("aria-invalid", String(message !== ""));
  }
  const first = errors.整理区分 ? "sorting" : errors.統合先ID ? "target" : null;
  if (first) form.querySelector<HTMLElement>(`#${key}-${first}`)?.focus();
}

async function sort(issue: IssueRecord, draft: SortingDraft, form: HTMLFormElement, key: string): Promise<void> {
  if (busy.active) return;
  ui.status.textContent = "";
  ui.alert.textContent = "";
  const errors = draftErrors(choices, draft);
  showErrors(form, key, errors);
  if (Object.keys(errors).length > 0) return;
  try {
    const result = await busy.run("整理しています…", () => call("sortIssue", sortingRequest(choices, issue, draft)));
    if (result.ok) {
      issues = issues.filter((i) => i.ID !== issue.ID);
      render();
      ui.status.textContent = sortedText(result.issue);
      ui.title.focus();
      onSorted(result.issue);
      return;
    }
    if ("field" in result && result.field) showErrors(form, key, { [result.field]: result.message });
    else ui.alert.textContent = sortFailureText(result);
    if (result.reason === "conflict" || result.reason === "not_found") await reload();
  } catch (error) {
    ui.alert.textContent = `整理できませんでした。通信状態を確認して、もう一度お試しください。（${errorText(error)}）`;
  }
}

async function reload(): Promise<void> {
  const view = await busy.run("一覧を読み込み直しています…", () => call("getUnsortedIssues"));
  if (isRefusal(view)) {
    ui.alert.textContent = view.message;
    return;
  }
  issues = view.issues;
  render();
}
