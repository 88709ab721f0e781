// DOM wiring of the status-entry sidebar: load, list, edit, save. Decisions
// live in logic.ts; every piece of data is written with textContent.
import { INPUTS, type EditableField, type IssueRecord } from "../../core/contracts/issues";
import { isRefusal } from "../../core/outcome";
import type { SaveResult, SidebarApi, SidebarContext } from "../shared/api";
import { byId, createBusy, h } from "../shared/dom";
import { errorText, serverFunctions } from "../shared/server";
import { renderIssueForm } from "./fields";
import { loadIntake } from "./intake";
import { sortingText } from "./intake-logic";
import { OVERDUE_BADGE, overdueText } from "./overdue";
import { loadPt } from "./pt";
import { REPORT_ACTIONS, actionOutcome, failureOutcome, type Outcome, type ReportAction, type ReportsApi } from "./actions";
import {
  DEFAULT_FILTERS, MESSAGES, buildUpdate, conflictRows, countText, draftOf, emptyText, failureText,
  fieldErrors, filterChoices, filterIssues, groupByAddress, hasChanges, historyLine, lastUpdateText, progressBadge, rebase, roleText,
  valueText, type Draft, type Filters, type ProgressKey,
} from "./logic";

const call = serverFunctions<SidebarApi>();
const callReport = serverFunctions<ReportsApi>();

/** One issue being edited: the values it was loaded with, the user's input, and the latest values after a conflict. */
interface Editing {
  base: IssueRecord;
  draft: Draft;
  conflict: IssueRecord | null;
  serverErrors: Partial<Record<EditableField, string>>;
  gone: boolean;
}

let issues: IssueRecord[] = [];
/** Today in Tokyo, from the server: what the overdue flags are as of (none until the context loads). */
let today: string | null = null;
/** Who is signed in as what: the list groups by the addresses they act for. */
let signedIn: SidebarContext | null = null;
/** Set when the server cannot save anything (a sheet-contract problem): shown as a banner, saving disabled. */
let blockedBy: string | null = null;
const filters: Filters = { ...DEFAULT_FILTERS };
// Unsaved input survives going back to the list and opening another issue.
const edits = new Map<string, Editing>();
let open: Editing | null = null;

const ui = {
  user: byId("user"),
  banner: byId("banner"),
  role: byId("role"),
  listView: byId("list-view"),
  listAlert: byId("list-alert"),
  search: byId<HTMLInputElement>("search"),
  bureau: byId<HTMLSelectElement>("filter-bureau"),
  progress: byId<HTMLSelectElement>("filter-progress"),
  year: byId<HTMLSelectElement>("filter-year"),
  hideDone: byId<HTMLInputElement>("hide-done"),
  count: byId("count"),
  list: byId<HTMLUListElement>("issue-list"),
  empty: byId("empty"),
  detailView: byId("detail-view"),
  back: byId<HTMLButtonElement>("back"),
  title: byId("detail-title"),
  id: byId("detail-id"),
  name: byId("detail-name"),
  badge: byId("detail-badge"),
  overdue: byId("detail-overdue"),
  info: byId("detail-info"),
  form: byId<HTMLFormElement>("form"),
  fields: byId<HTMLFieldSetElement>("form-fields"),
  conflict: byId("conflict"),
  conflictTitle: byId("conflict-title"),
  conflictUpdated: byId("conflict-updated"),
  conflictRows: byId("conflict-rows"),
  adopt: byId<HTMLButtonElement>("adopt"),
  feedback: byId("feedback"),
  alert: byId("alert"),
  save: byId<HTMLButtonElement>("save"),
  reset: byId<HTMLButtonElement>("reset"),
  historyStatus: byId("history-status"),
  history: byId<HTMLOListElement>("history"),
  reports: byId<HTMLDetailsElement>("reports"),
  reportActions: byId("report-actions"),
  reportStatus: byId("report-status"),
  reportAlert: byId("report-alert"),
};

// The inputs of each editable field, as the 課題 contract describes them.
const issueForm = renderIssueForm(ui.fields);

const busy = createBusy(byId("busy"), () => updateControls());

// ---- loading ----

async function load(): Promise<void> {
  try {
    const [context, loaded] = await busy.run("読み込み中…", () =>
      Promise.all([call("getSidebarContext"), call("getMyIssues")]),
    );
    if (isRefusal(context)) block(context.message);
    else showContext(context);
    if (isRefusal(loaded)) {
      block(loaded.message);
      setIssues([]);
    } else setIssues(loaded);
  } catch (error) {
    ui.listAlert.textContent = `課題を読み込めませんでした。サイドバーを開き直してください。（${errorText(error)}）`;
  }
}

function block(message: string): void {
  blockedBy = message;
  ui.banner.textContent = message;
  ui.banner.hidden = false;
  updateControls();
}

function showContext(context: SidebarContext): void {
  signedIn = context;
  if (context.problem) block(context.problem);
  ui.user.textContent = context.user ? `ログイン中: ${context.user}` : "ログイン中のアカウント: 不明";
  ui.role.textContent = roleText(context);
  today = context.today ?? null;
  ui.reports.hidden = context.role !== "secretariat";
  if (!ui.reports.hidden) renderReportActions();
}

function setIssues(loaded: IssueRecord[]): void {
  issues = loaded;
  const choices = filterChoices(issues);
  fillSelect(ui.bureau, choices.bureaus);
  fillSelect(ui.year, choices.years);
  filters.bureau = ui.bureau.value;
  filters.year = ui.year.value;
  renderList();
}

/** Replaces the choices after 「すべて」, keeping the selection when it still exists. */
function fillSelect(select: HTMLSelectElement, values: string[]): void {
  const selected = select.value;
  select.replaceChildren(h("option", { value: "" }, "すべて"), ...values.map((v) => h("option", { value: v }, v)));
  select.value = values.includes(selected) ? selected : "";
}

// ---- list ----

function renderList(): void {
  const shown = filterIssues(issues, filters);
  ui.count.textContent = countText(issues.length, shown.length);
  ui.empty.hidden = shown.length > 0;
  ui.empty.textContent = shown.length > 0 ? "" : emptyText(issues.length, filters);
  // A person acting for several addresses sees each address's issues under its heading.
  const groups = signedIn ? groupByAddress(shown, signedIn) : [{ heading: "", issues: shown }];
  ui.list.replaceChildren(...groups.flatMap((group) => [
    ...(group.heading ? [h("li", { class: "group-heading" }, h("h3", {}, group.heading))] : []),
    ...group.issues.map(listItem),
  ]));
}

function listItem(issue: IssueRecord): HTMLLIElement {
  const badge = progressBadge(issue);
  const editing = edits.get(issue.ID);
  const unsaved = editing && hasChanges(editing.base, editing.draft) ? [" ", h("span", { class: "unsaved" }, "未保存の入力あり")] : [];
  return h("li", {},
    h("button", { type: "button", class: "item", "data-id": issue.ID },
      // The spaces keep the parts apart in the button's accessible name.
      h("span", { class: "item-head" }, h("span", { class: "id" }, issue.ID), " ", badgeElement(badge.key, badge.text), ...overdueBadge(issue)),
      " ",
      h("span", { class: "item-name" }, issue.課題名),
      " ",
      h("span", { class: "item-timing" }, `実施時期: ${valueText(issue.実施時期)}`),
      ...unsaved,
    ),
  );
}

/** The overdue flag after the class badge, its notice as the tooltip; nothing when not overdue. */
function overdueBadge(issue: IssueRecord): (string | HTMLSpanElement)[] {
  const notice = overdueText(issue, today);
  return notice ? [" ", h("span", { class: "badge overdue", title: notice }, OVERDUE_BADGE)] : [];
}

function badgeElement(key: ProgressKey, text: string): HTMLSpanElement {
  return h("span", { class: `badge progress-${key}` }, text);
}

function readFilters(): void {
  filters.query = ui.search.value;
  filters.bureau = ui.bureau.value;
  filters.progress = ui.progress.value as Filters["progress"];
  filters.year = ui.year.value;
  filters.hideDone = ui.hideDone.checked;
  renderList();
}

// ---- detail ----

function openIssue(id: string): void {
  const issue = issues.find((i) => i.ID === id);
  if (!issue) return;
  const kept = edits.get(id);
  open = kept && hasChanges(kept.base, kept.draft) ? kept : { base: issue, draft: draftOf(issue), conflict: null, serverErrors: {}, gone: false };
  edits.set(id, open);
  clearFeedback();
  renderDetail();
  writeForm();
  ui.listView.hidden = true;
  ui.detailView.hidden = false;
  ui.title.focus();
  void loadHistory(id);
}

function closeIssue(): void {
  if (!open) return;
  const id = open.base.ID;
  open = null;
  ui.detailView.hidden = true;
  ui.listView.hidden = false;
  renderList();
  const button = ui.list.querySelector<HTMLButtonElement>(`button[data-id="${CSS.escape(id)}"]`);
  (button ?? ui.search).focus();
}

function renderDetail(): void {
  if (!open) return;
  const issue = open.base;
  const badge = progressBadge(issue);
  ui.id.textContent = issue.ID;
  ui.name.textContent = issue.課題名;
  ui.badge.className = `badge progress-${badge.key}`;
  ui.badge.textContent = `進捗分類: ${badge.text}`;
  ui.overdue.textContent = overdueText(issue, today) ?? "";
  ui.overdue.hidden = ui.overdue.textContent === "";
  const rows: [string, string][] = [
    ["年度", issue.年度],
    ["区分", issue.区分],
    ["制度所管局", issue.制度所管局],
    ["所管課", issue.所管課],
    ["担当者", issue.担当者メール],
    ["整理区分", sortingText(issue)],
    ["最終更新", lastUpdateText(issue)],
  ];
  ui.info.replaceChildren(...rows.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, valueText(value))]));
}

function writeForm(): void {
  if (!open) return;
  issueForm.write(open.draft);
  updateForm();
}

function readForm(): void {
  if (!open) return;
  open.draft = issueForm.read(open.draft);
  open.serverErrors = {};
  updateForm();
}

/** Counter, inline errors and buttons after every keystroke. */
function updateForm(): void {
  if (!open) return;
  issueForm.show({ ...open.serverErrors, ...fieldErrors(open.base, open.draft) });
  renderConflict();
  updateControls();
}

function updateControls(): void {
  const changed = open !== null && hasChanges(open.base, open.draft);
  // After a conflict the user first decides on the latest values (adopt or reset).
  const blocked = !open || open.gone || open.conflict !== null || blockedBy !== null;
  ui.fields.disabled = busy.active;
  ui.save.disabled = busy.active || !changed || blocked;
  ui.reset.disabled = busy.active || !(changed || open?.conflict);
  ui.back.disabled = busy.active;
  ui.adopt.disabled = busy.active;
  for (const button of Array.from(ui.reportActions.querySelectorAll("button"))) button.disabled = busy.active;
  ui.reportActions.setAttribute("aria-busy", String(busy.active));
}

function renderConflict(): void {
  const latest = open?.conflict;
  ui.conflict.hidden = !latest;
  if (!open || !latest) return;
  ui.conflictUpdated.textContent = `最新の更新: ${lastUpdateText(latest)}`;
  ui.conflictRows.replaceChildren(
    ...conflictRows(latest, open.draft).map((row) =>
      h("div", { class: row.differs ? "pair differs" : "pair" },
        h("p", { class: "pair-field" }, row.differs ? `${row.label}（異なります）` : row.label),
        h("div", { class: "pair-values" },
          h("div", {}, h("p", { class: "pair-label" }, "最新の値"), h("p", { class: "pair-value" }, row.current)),
          h("div", {}, h("p", { class: "pair-label" }, "あなたの入力"), h("p", { class: "pair-value" }, row.mine)),
        ),
      ),
    ),
  );
}

function clearFeedback(): void {
  ui.feedback.textContent = "";
  ui.alert.textContent = "";
}

function announce(kind: "ok" | "error", text: string): void {
  clearFeedback();
  (kind === "ok" ? ui.feedback : ui.alert).textContent = text;
}

// ---- saving ----

async function save(): Promise<void> {
  const editing = open;
  if (!editing || busy.active || blockedBy !== null || !hasChanges(editing.base, editing.draft)) return;
  const errors = fieldErrors(editing.base, editing.draft);
  const firstInvalid = INPUTS.find((input) => errors[input.field]);
  if (firstInvalid) {
    announce("error", MESSAGES.checkInput);
    issueForm.focus(firstInvalid.field);
    return;
  }
  clearFeedback();
  try {
    const result = await busy.run("保存中…", () => call("saveIssueUpdate", buildUpdate(editing.base, editing.draft)));
    await handleResult(editing, result);
  } catch (error) {
    announce("error", `保存できませんでした。通信状態を確認して、もう一度保存してください。（${errorText(error)}）`);
  }
  // The clicked button may be disabled now; keep keyboard focus inside the issue.
  const focused = document.activeElement;
  if (open === editing && (!focused || focused === document.body || focused.matches(":disabled"))) ui.title.focus();
}

async function handleResult(editing: Editing, result: SaveResult): Promise<void> {
  if (result.ok) {
    replaceIssue(result.issue);
    Object.assign(editing, { base: result.issue, draft: draftOf(result.issue), conflict: null, serverErrors: {} });
    announce("ok", MESSAGES.saved);
  } else {
    announce("error", failureText(result));
    if (result.reason === "conflict" && result.current) {
      replaceIssue(result.current);
      editing.conflict = result.current;
    }
    if (result.reason === "invalid") editing.serverErrors = result.errors ?? {};
    if (result.reason === "contract") block(result.message);
    if (result.reason === "not_found") {
      editing.gone = true;
      await reloadIssues();
    }
  }
  if (open !== editing) return;
  renderDetail();
  if (result.ok) writeForm();
  else updateForm();
  if (editing.conflict) ui.conflictTitle.focus();
  if (result.ok) void loadHistory(editing.base.ID);
}

async function reloadIssues(): Promise<void> {
  try {
    const loaded = await busy.run("一覧を読み込み直しています…", () => call("getMyIssues"));
    if (isRefusal(loaded)) block(loaded.message);
    else setIssues(loaded);
  } catch (error) {
    ui.listAlert.textContent = `一覧を読み込み直せませんでした。サイドバーを開き直してください。（${errorText(error)}）`;
  }
}

function replaceIssue(issue: IssueRecord): void {
  issues = issues.map((i) => (i.ID === issue.ID ? issue : i));
  renderList();
}

/** Takes the latest values as the new base and puts the user's own changes back on top. */
function adoptLatest(): void {
  if (!open?.conflict) return;
  open.draft = rebase(open.base, open.draft, open.conflict);
  open.base = open.conflict;
  open.conflict = null;
  renderDetail();
  writeForm();
  announce("ok", MESSAGES.rebased);
  (ui.save.disabled ? ui.title : ui.save).focus();
}

async function loadHistory(id: string): Promise<void> {
  ui.historyStatus.textContent = "読み込み中…";
  ui.history.replaceChildren();
  try {
    const items = await call("getIssueHistory", id);
    if (open?.base.ID !== id) return;
    if (isRefusal(items)) {
      ui.historyStatus.textContent = items.message;
      return;
    }
    ui.historyStatus.textContent = items.length === 0 ? "変更の記録はありません。" : "";
    ui.history.replaceChildren(
      ...items.map((item) => {
        const line = historyLine(item);
        return h("li", {}, h("p", { class: "help" }, `${line.when}　${line.who}`), h("p", {}, line.change));
      }),
    );
  } catch (error) {
    if (open?.base.ID === id) ui.historyStatus.textContent = `履歴を読み込めませんでした。（${errorText(error)}）`;
  }
}

// ---- 報告・送信 (secretariat) ----

function renderReportActions(): void {
  const groups = [...new Set(REPORT_ACTIONS.map((a) => a.group))];
  ui.reportActions.replaceChildren(
    ...groups.map((group, i) =>
      h("div", { class: "report-group", role: "group", "aria-labelledby": `report-group-${i}` },
        h("p", { id: `report-group-${i}`, class: "report-group-name" }, group),
        ...REPORT_ACTIONS.filter((a) => a.group === group).map((a) => h("button", { type: "button", "data-action": a.name }, a.label)),
      ),
    ),
  );
  updateControls();
}

function reportOutcome(outcome: Outcome): void {
  ui.reportStatus.textContent = outcome.kind === "ok" ? outcome.text : "";
  ui.reportAlert.textContent = outcome.kind === "error" ? outcome.text : "";
}

async function runReport(action: ReportAction): Promise<void> {
  if (busy.active) return;
  reportOutcome({ kind: "ok", text: "" });
  try {
    const result = await busy.run(`「${action.label}」を実行しています…`, () => callReport(action.name));
    reportOutcome(actionOutcome(action.name, result));
  } catch (error) {
    reportOutcome(failureOutcome(action, errorText(error)));
  }
}

// ---- events ----

ui.search.addEventListener("input", readFilters);
for (const control of [ui.bureau, ui.progress, ui.year, ui.hideDone]) control.addEventListener("change", readFilters);
ui.list.addEventListener("click", (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button.item");
  if (button?.dataset.id) openIssue(button.dataset.id);
});
ui.back.addEventListener("click", closeIssue);
ui.fields.addEventListener("input", readForm);
ui.fields.addEventListener("change", readForm);
ui.form.addEventListener("submit", (event) => {
  event.preventDefault();
  void save();
});
ui.reset.addEventListener("click", () => {
  if (!open) return;
  // Discarding the input after a conflict means starting from the latest values.
  open.base = open.conflict ?? open.base;
  Object.assign(open, { draft: draftOf(open.base), conflict: null, serverErrors: {} });
  renderDetail();
  writeForm();
  announce("ok", "入力を元に戻しました。");
});
ui.adopt.addEventListener("click", adoptLatest);
ui.reportActions.addEventListener("click", (event) => {
  const name = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-action]")?.dataset.action;
  const action = REPORT_ACTIONS.find((a) => a.name === name);
  if (action) void runReport(action);
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && open && !busy.active) {
    event.preventDefault();
    closeIssue();
  }
});

void load();
void loadIntake((issue) => replaceIssue(issue));
void loadPt();
