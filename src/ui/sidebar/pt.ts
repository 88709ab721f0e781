// DOM wiring of the sidebar's 若手職員PT section: shown to PT members (their team
// only) and the secretariat (every team, chosen in a select); hidden for others.
// Decisions live in pt-logic.ts; every piece of data is written with textContent.
import { isRefusal } from "../../core/outcome";
import type { PtApi, PtContext, PtSaveResult, PtStepView, PtTeamView } from "../shared/api";
import { byId, createBusy, h } from "../shared/dom";
import { errorText, serverFunctions } from "../shared/server";
import {
  activityErrors, activityInput, completeStep, hoursHelp, hoursText, ptFailureText, ptHeading, stepQuestion, stepSavedText, stepWhen, teamInfo,
  teamStateUpdate, undoStep, type ActivityForm,
} from "./pt-logic";

const call = serverFunctions<PtApi>();

const ui = {
  section: byId<HTMLDetailsElement>("pt"),
  title: byId("pt-title"),
  teamField: byId("pt-team-field"),
  team: byId<HTMLSelectElement>("pt-team"),
  info: byId("pt-info"),
  teamForm: byId<HTMLFormElement>("pt-team-form"),
  state: byId<HTMLSelectElement>("pt-state"),
  steps: byId<HTMLUListElement>("pt-steps"),
  hoursHelp: byId("pt-hours-help"),
  hours: byId<HTMLUListElement>("pt-hours"),
  form: byId<HTMLFormElement>("pt-activity"),
  date: byId<HTMLInputElement>("pt-date"),
  kind: byId<HTMLSelectElement>("pt-kind"),
  partner: byId<HTMLInputElement>("pt-partner"),
  content: byId<HTMLTextAreaElement>("pt-content"),
  participants: byId("pt-participant-list"),
  duration: byId<HTMLInputElement>("pt-duration"),
  warning: byId("pt-warning"),
  warningList: byId<HTMLUListElement>("pt-warning-list"),
  confirm: byId<HTMLButtonElement>("pt-confirm"),
  status: byId("pt-status"),
  alert: byId("pt-alert"),
};

const FIELDS: Record<string, HTMLElement> = { 日付: ui.date, 種別: ui.kind, 相手先: ui.partner, 内容: ui.content, 参加者: ui.participants, 時間: ui.duration };

let context: PtContext | null = null;
let current: PtTeamView | undefined;
/** The milestone whose tick or undo is being asked about (its team and 工程), if any. */
let asking: { team: string; step: string } | null = null;
/** 状態 of milestones before they were ticked in this sidebar, by team and 工程: what an undo restores. */
const stateBefore = new Map<string, string>();
const stepKey = (team: string, step: string) => `${team}\u0000${step}`;
const busy = createBusy(byId("pt-busy"), (active) => {
  for (const control of Array.from(ui.section.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>("button, select"))) control.disabled = active;
});

/** Loads the section; it stays hidden for anyone who is neither a member nor the secretariat. */
export async function loadPt(): Promise<void> {
  try {
    const loaded = await call("getPtContext");
    // Refused (e.g. a sheet's headers need fixing): the issue list says so; the PT section stays hidden.
    if (isRefusal(loaded)) return;
    context = loaded;
  } catch {
    // The issue list works without it; nothing to show.
    return;
  }
  if (context.role === "none" || context.teams.length === 0) return;
  ui.kind.replaceChildren(...context.kinds.map((k) => h("option", { value: k }, k)));
  ui.state.replaceChildren(h("option", { value: "" }, "（未設定）"), ...context.teamStates.map((s) => h("option", { value: s }, s)));
  ui.team.replaceChildren(...context.teams.map((t) => h("option", { value: t.チーム }, t.チーム)));
  ui.teamField.hidden = context.teams.length < 2;
  ui.date.value = context.today;
  ui.date.max = context.today;
  ui.hoursHelp.textContent = hoursHelp(context);
  ui.section.hidden = false;
  show(context.teams[0]);
}

function show(team: PtTeamView): void {
  if (!context) return;
  current = team;
  context.teams = context.teams.map((t) => (t.チーム === team.チーム ? team : t));
  ui.team.value = team.チーム;
  ui.title.textContent = ptHeading(context, team);
  ui.info.replaceChildren(...teamInfo(team).flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
  ui.state.value = team.team?.状態 ?? "";
  ui.teamForm.hidden = team.team === null;
  ui.steps.replaceChildren(...team.steps.map((step) => {
    const name = h("span", { class: "step-name" }, step.工程, " ", h("span", { class: `mark mark-${step.mark}` }, step.mark), " ", h("span", { class: "help" }, stepWhen(step)));
    return h("li", {}, name, asking?.team === team.チーム && asking.step === step.工程 ? question(team, step) : stepButton(step));
  }));
  const limit = context.limitHours;
  ui.hours.replaceChildren(...team.members.map((m) => {
    const { text, over } = hoursText(m.hours, limit);
    return h("li", {}, h("span", {}, m.氏名), h("span", over ? { class: "over" } : {}, over ? `${text}（超過）` : text));
  }));
  const checked = new Set(selectedParticipants());
  ui.participants.replaceChildren(...team.members.map((m, i) =>
    h("label", { class: "check" }, h("input", { type: "checkbox", id: `pt-member-${i}`, value: m.メール, ...(checked.has(m.メール) || (checked.size === 0 && m.メール === context!.user) ? { checked: "" } : {}) }), ` ${m.氏名}`),
  ));
}

function stepButton(step: PtStepView): HTMLButtonElement {
  return step.完了日 === null
    ? h("button", { type: "button", "data-step": step.工程, "aria-label": `「${step.工程}」を今日の日付で完了にする` }, "完了にする")
    : h("button", { type: "button", "data-step": step.工程, "aria-label": `「${step.工程}」の完了を取り消す` }, "完了を取り消す");
}

/** Asked in place: nothing is saved until the member says yes. */
function question(team: PtTeamView, step: PtStepView): HTMLElement {
  const { text, yes } = stepQuestion(step, context!.today, stateBefore.get(stepKey(team.チーム, step.工程)));
  return h("div", { class: "pt-ask", role: "group", "aria-labelledby": "pt-ask-text" },
    h("p", { id: "pt-ask-text" }, text),
    h("button", { type: "button", "data-yes": step.工程 }, yes),
    h("button", { type: "button", "data-no": step.工程 }, "やめる"),
  );
}

function selectedParticipants(): string[] {
  return Array.from(ui.participants.querySelectorAll<HTMLInputElement>("input:checked"), (box) => box.value);
}

function readForm(): ActivityForm {
  return { 日付: ui.date.value, 種別: ui.kind.value, 相手先: ui.partner.value, 内容: ui.content.value, 参加者: selectedParticipants(), 時間: ui.duration.value };
}

function showErrors(errors: Record<string, string>): void {
  for (const [field, target] of Object.entries(FIELDS)) {
    byId(`pt-${field}-error`).textContent = errors[field] ?? "";
    target.setAttribute("aria-invalid", String(Boolean(errors[field])));
  }
  const first = Object.keys(FIELDS).find((f) => errors[f]);
  if (first) (FIELDS[first].querySelector<HTMLElement>("input") ?? FIELDS[first]).focus();
}

function say(kind: "ok" | "error", text: string): void {
  ui.status.textContent = kind === "ok" ? text : "";
  ui.alert.textContent = kind === "error" ? text : "";
}

/** Shows the result of any save: the refreshed team, or why nothing was saved. */
function handle(result: PtSaveResult): boolean {
  if (result.ok) {
    show(result.team);
    say("ok", result.message);
    return true;
  }
  if (result.team) show(result.team);
  say("error", ptFailureText(result));
  if (result.errors) showErrors(result.errors);
  return false;
}

async function save(task: () => Promise<PtSaveResult>, label: string): Promise<boolean> {
  say("ok", "");
  try {
    return handle(await busy.run(label, task));
  } catch (error) {
    say("error", `保存できませんでした。通信状態を確認して、もう一度お試しください。（${errorText(error)}）`);
    return false;
  }
}

async function saveActivity(confirmOverLimit: boolean): Promise<void> {
  if (!current || busy.active) return;
  const form = readForm();
  const errors = activityErrors(form);
  showErrors(errors);
  if (Object.keys(errors).length > 0) {
    say("error", "入力内容を確認してください。");
    return;
  }
  const team = current;
  let warnings: string[] = [];
  const saved = await save(async () => {
    const result = await call("savePtActivity", activityInput(team, form, confirmOverLimit));
    if (!result.ok && result.reason === "over_limit") warnings = result.warnings ?? [];
    return result;
  }, "記録しています…");
  ui.warning.hidden = warnings.length === 0;
  ui.warningList.replaceChildren(...warnings.map((w) => h("li", {}, w)));
  if (warnings.length > 0) ui.confirm.focus();
  if (saved) {
    ui.partner.value = "";
    ui.content.value = "";
    ui.duration.value = "";
  }
}

ui.form.addEventListener("submit", (event) => {
  event.preventDefault();
  void saveActivity(false);
});
ui.confirm.addEventListener("click", () => void saveActivity(true));
// Any change after a warning asks the server again, without the confirmation.
ui.form.addEventListener("input", () => {
  if (!ui.warning.hidden) ui.warning.hidden = true;
});
ui.team.addEventListener("change", () => {
  const team = context?.teams.find((t) => t.チーム === ui.team.value);
  if (team) show(team);
});
ui.teamForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const team = current;
  if (!team || busy.active) return;
  void save(() => call("updatePtTeam", teamStateUpdate(team, ui.state.value)), "保存しています…");
});
ui.steps.addEventListener("click", (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button");
  const name = button?.dataset.step ?? button?.dataset.yes ?? button?.dataset.no;
  const team = current;
  const step = team?.steps.find((s) => s.工程 === name);
  if (!button || !team || !step || !context || busy.active) return;
  const focusOn = (selector: string) => ui.steps.querySelector<HTMLButtonElement>(`button[${selector}="${CSS.escape(step.工程)}"]`)?.focus();
  if (button.dataset.step !== undefined || button.dataset.no !== undefined) {
    // Ask (or stop asking), then move focus to the answer or back to the button.
    asking = button.dataset.step !== undefined ? { team: team.チーム, step: step.工程 } : null;
    show(team);
    focusOn(asking ? "data-yes" : "data-step");
    return;
  }
  asking = null;
  const key = stepKey(team.チーム, step.工程);
  const undoing = step.完了日 !== null;
  const update = undoing ? undoStep(team, step, stateBefore.get(key)) : completeStep(team, step, context.today);
  const today = context.today;
  void save(() => call("updatePtStep", update), "保存しています…").then((saved) => {
    if (saved) {
      if (undoing) stateBefore.delete(key);
      else stateBefore.set(key, step.状態);
      say("ok", stepSavedText(step, undoing, today));
    }
    focusOn("data-step");
  });
});
