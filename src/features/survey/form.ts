// The 局区's survey page (the web app, routed by the link's purpose): a signed
// link shows the year's reforms of the 局区 the address represents, to edit
// and add to, to whoever may act for the address today (the address itself, a
// person 担当者 lists for it, the secretariat); answers go through saveSurvey with
// 経路 = 局区照会, recorded as that person.
import { normalizeEmail } from "../../core/base/text";
import { sameValue } from "../../core/contracts/contract";
import { last } from "../../core/order";
import { answerActor, answeredAddress, type AnswerRecord } from "../../core/contracts/answer-log";
import type { Actor } from "../../core/contracts/history";
import { dayOf } from "../../core/contracts/pt-values";
import { actFor, actedFor } from "../../core/delegation";
import { refusalOf } from "../../core/delegation-refusal";
import { loadAccessList } from "../../gas/settings";
import { BUREAUS } from "../../core/contracts/bureaus";
import { REFORMS } from "../../core/contracts/reforms";
import { parseFiscalYear } from "../../core/base/fiscal-year";
import { SIGNED_IN_ACCOUNTS_ADVICE } from "../../core/mailing/signed-in-accounts";
import { linkProblem, type TokenClaims } from "../../core/mailing/token";
import { reiwaYear } from "../../core/progress-report";
import { bureauContacts, reformRows, surveyCycle, type ReformRow, type ReformValues } from "../../core/survey/reforms";
import { LIMITS, validateSubmission, type FieldErrors, type ItemResult, type Submission } from "../../core/survey/submission";
import { formatWareki, formatWarekiWithWeekday } from "../../core/wareki";
import { webPage } from "../../gas/pages";
import { BusyError, FORM_BUSY_MESSAGE, withWriteLock } from "../../gas/lock";
import { activeUserEmail } from "../../gas/session";
import { requireRecords } from "../../gas/table";
import { webAppUrl } from "../../gas/triggers";
import { checkLink } from "../mailing/links";
import { readAnswers, recordAnswers } from "../mailing/log-sheets";
import { saveSurvey } from "./writer";

type WebEvent = { parameter?: Record<string, string> };

/** Empty rows offered for new reforms; more can be added by opening the link again. */
const BLANK_ROWS = 3;

interface RowView {
  key: string;
  bureau: string;
  values: ReformValues;
  /** The row as loaded (JSON), for the conflict check; "" for a new row. */
  base: string;
  errors: FieldErrors;
  /** Why the save left this row's typed text unsaved, and the row as it is now when someone changed it first. */
  notice?: { message: string; current: ReformValues | null };
}

interface BureauView {
  name: string;
  rows: RowView[];
  blanks: RowView[];
}

interface Visit {
  claims: TokenClaims;
  email: string;
  /** Who answers for the address (不明 when Apps Script did not say: the signed link alone, as before 担当者). */
  actor: Actor;
  year: number;
  yearLabel: string;
  bureaus: string[];
}

function page(view: "form" | "receipt" | "error" | "refused", data: Record<string, unknown>): GoogleAppsScript.HTML.HtmlOutput {
  const defaults = { view, year: "", errors: [], bureaus: [], results: [], unchanged: 0, message: "", answeredAt: "", limits: LIMITS };
  return webPage("survey", { ...defaults, ...data }, "自主改革の取組照会のご回答｜プラチナ市役所プロジェクト");
}

function errorPage(message: string) {
  return page("error", { message, advice: SIGNED_IN_ACCOUNTS_ADVICE });
}

/** The visit, or an error page: bad or expired link, an address no longer a 局区's; a refusal for a signed-in person who may not act for it. */
function authenticate(token: unknown): Visit | { error: GoogleAppsScript.HTML.HtmlOutput } {
  const check = checkLink(token, "survey");
  if (!check.ok) return { error: errorPage(linkProblem(check.reason, "各局区の取組照会")) };
  const year = parseFiscalYear(check.claims.cycle);
  if (!year) return { error: errorPage(linkProblem("malformed", "各局区の取組照会")) };
  const email = normalizeEmail(check.claims.email);
  const contact = bureauContacts(requireRecords(BUREAUS, []).values).contacts.find((c) => c.email === email);
  if (!contact) {
    return { error: errorPage(`このリンクの宛先（${check.claims.email}）は、現在どの局区の代表メールにも登録されていません。市政変革推進室にご連絡ください。`) };
  }
  const visitor = activeUserEmail();
  let actor: Actor = { person: "", onBehalfOf: email, standing: "不明" };
  if (visitor) {
    const access = loadAccessList();
    const acting = actFor(visitor, email, dayOf(new Date()), access.directory, access.secretariat);
    if (!acting.ok) {
      const refusal = refusalOf({ ...acting, reason: acting.reason === "lapsed" ? "lapsed" : "not listed" }, contact.bureaus.join("・"));
      return { error: page("refused", { ...refusal, accounts: SIGNED_IN_ACCOUNTS_ADVICE }) };
    }
    actor = actedFor(acting);
  }
  return { claims: check.claims, email, actor, year, yearLabel: check.claims.cycle, bureaus: contact.bureaus };
}

function pageData(visit: Visit) {
  return { email: visit.email, year: reiwaYear(visit.year), deadline: formatWarekiWithWeekday(new Date(visit.claims.expires)) };
}

function formData(visit: Visit, bureaus: BureauView[], errors: string[] = []) {
  const previous = lastAnswer(visit);
  return { ...pageData(visit), bureaus, errors, answeredAt: previous?.日時 ? formatWareki(previous.日時) : "" };
}

function lastAnswer(visit: Visit): AnswerRecord | undefined {
  const cycle = surveyCycle(visit.yearLabel);
  return last(readAnswers().filter((r) => r.サイクル === cycle && answeredAddress(r) === visit.email));
}

function baseOf(row: ReformRow): string {
  return JSON.stringify({ 局区名: row.局区名, 取組名: row.取組名, 概要: row.概要, 好事例: row.好事例 });
}

function blank(key: string, bureau: string): RowView {
  return { key, bureau, values: { 取組名: "", 概要: "", 好事例: false }, base: "", errors: {} };
}

/** The 局区's rows of the year as the sheet holds them now, and empty rows to add new ones. */
function freshBureaus(visit: Visit): BureauView[] {
  const rows = reformRows(requireRecords(REFORMS, []).values, visit.year, visit.bureaus);
  let next = 0;
  return visit.bureaus.map((name) => ({
    name,
    rows: rows.filter((r) => r.局区名 === name).map((r): RowView => ({ key: `r${rows.indexOf(r)}`, bureau: name, values: r, base: baseOf(r), errors: {} })),
    blanks: Array.from({ length: BLANK_ROWS }, () => blank(`n${next++}`, name)),
  }));
}

export function showSurveyForm(e: WebEvent): GoogleAppsScript.HTML.HtmlOutput {
  const token = e.parameter?.t;
  const visit = authenticate(token);
  if ("error" in visit) return visit.error;
  return page("form", { ...formData(visit, freshBureaus(visit)), token });
}

/**
 * After a save that left some items out (someone changed the row first, a name taken
 * meanwhile, a row deleted): the form again as the sheet is now, each such item holding
 * the text as typed with why it was not saved — on its row as it is now, else in a new
 * row — so nothing typed is lost and sending again saves it.
 */
function retryBureaus(visit: Visit, form: { rows: RowView[] }, results: ItemResult[]): BureauView[] {
  const bureaus = freshBureaus(visit);
  const edited = new Map(form.rows.map((r) => [r.key, r]));
  let next = Math.max(0, ...bureaus.flatMap((b) => b.blanks).map((b) => Number(b.key.slice(1)) + 1));
  for (const result of results.filter((r) => r.status === "failed")) {
    const bureau = bureaus.find((b) => b.name === result.局区名);
    if (!bureau) continue;
    const notice = { message: result.message, current: result.current };
    const loaded = edited.get(result.key);
    const name = result.current?.取組名 ?? (loaded ? (JSON.parse(loaded.base) as ReformValues).取組名 : null);
    const row = name === null ? undefined : bureau.rows.find((r) => sameValue(r.values.取組名, name) && !r.notice);
    if (row) Object.assign(row, { values: result.values, notice });
    else bureau.blanks.unshift({ ...blank(`n${next++}`, bureau.name), values: result.values, notice });
  }
  return bureaus;
}

/**
 * The posted rows — each existing row with its base, each new-row slot (blank
 * ones too, to show them again) — and what they ask to save. null for a form
 * not as served.
 */
function readForm(params: Record<string, string>, visit: Visit): { rows: RowView[]; slots: RowView[]; submission: Submission } | null {
  const values = (key: string): ReformValues => ({ 取組名: params[`name:${key}`] ?? "", 概要: params[`summary:${key}`] ?? "", 好事例: params[`good:${key}`] === "1" });
  const keyed = (prefix: string) => Object.keys(params).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const rows: RowView[] = [];
  const submission: Submission = { edits: [], adds: [] };
  for (const key of keyed("base:")) {
    let base: Record<string, unknown> | null;
    try {
      base = JSON.parse(params[`base:${key}`]);
    } catch {
      return null;
    }
    if (typeof base?.局区名 !== "string") return null;
    const row: RowView = { key, bureau: base.局区名, values: values(key), base: params[`base:${key}`], errors: {} };
    rows.push(row);
    const loaded = { 取組名: String(base.取組名 ?? ""), 概要: String(base.概要 ?? ""), 好事例: base.好事例 === true };
    submission.edits.push({ key, 局区名: row.bureau, base: loaded, next: row.values });
  }
  const slots = keyed("bureau:").map((key) => ({ ...blank(key, params[`bureau:${key}`]), values: values(key) }));
  for (const slot of slots) {
    const { 取組名, 概要, 好事例 } = slot.values;
    if (取組名.trim() || 概要.trim() || 好事例) submission.adds.push({ key: slot.key, 局区名: slot.bureau, next: slot.values });
  }
  // A form edited to reach another 局区's rows is refused as a whole.
  return [...rows, ...slots].every((r) => visit.bureaus.includes(r.bureau)) ? { rows, slots, submission } : null;
}

function grouped(visit: Visit, rows: RowView[], slots: RowView[]): BureauView[] {
  return visit.bureaus.map((name) => ({ name, rows: rows.filter((r) => r.bureau === name), blanks: slots.filter((s) => s.bureau === name) }));
}

/** The form sent through google.script.run (name → value): saves it and returns the receipt, or the form again with the input kept. */
export function receiveSurvey(fields: Record<string, string>): GoogleAppsScript.HTML.HtmlOutput {
  const params = fields ?? {};
  const visit = authenticate(params.t);
  if ("error" in visit) return visit.error;
  const form = readForm(params, visit);
  if (!form) return errorPage("フォームの内容が正しくありません。メールのリンクからフォームを開き直してください。");
  const { submission } = form;
  // Validate everything first: any error shows the form again with the input kept, and nothing is saved.
  const errors = validateSubmission(submission);
  if (errors.size > 0) {
    for (const row of [...form.rows, ...form.slots]) row.errors = errors.get(row.key) ?? {};
    return page("form", { ...formData(visit, grouped(visit, form.rows, form.slots), [`${errors.size}件の取組で入力内容を確認してください。`]), token: params.t });
  }
  const now = new Date();
  // The rows and their 回答記録 in one locked pass; when the lock is busy nothing is saved and the form keeps the input.
  let outcome: { saved: ReturnType<typeof saveSurvey>; failed: number; recorded: boolean };
  try {
    outcome = withWriteLock(() => {
      const saved = saveSurvey(submission, { year: visit.year, yearLabel: visit.yearLabel, email: visit.email, actor: visit.actor, now });
      if (!saved.ok) return { saved, failed: 0, recorded: false };
      const changed = saved.results.filter((r) => r.status !== "unchanged");
      const failed = changed.filter((r) => r.status === "failed").length;
      // An answer whose every change failed is not one yet: the reminder should still come.
      const recorded = failed === 0 || failed < changed.length;
      if (recorded) {
        recordAnswers([{ 日時: now, サイクル: surveyCycle(visit.yearLabel), ...answerActor(visit.actor), ID: `局区改革:${visit.bureaus.join("・")}`, 回答: answerText(saved.results) }]);
      }
      return { saved, failed, recorded };
    });
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    return page("form", { ...formData(visit, grouped(visit, form.rows, form.slots), [FORM_BUSY_MESSAGE]), token: params.t });
  }
  const { saved, failed, recorded } = outcome;
  if (!saved.ok) return page("form", { ...formData(visit, grouped(visit, form.rows, form.slots), [saved.message]), token: params.t });
  const results = saved.results.filter((r) => r.status !== "unchanged");
  if (failed > 0) {
    const done = results.length - failed;
    const head = recorded ? `${done}件の取組は記録しました。記録できなかった取組が${failed}件あります。` : `入力いただいた内容を記録できませんでした（${failed}件）。`;
    const message = `${head}入力内容はそのまま残しています。赤枠の取組の理由を確認して、もう一度「回答を送信する」を押してください。`;
    return page("form", { ...formData(visit, retryBureaus(visit, form, saved.results), [message]), token: params.t });
  }
  return page("receipt", {
    ...pageData(visit),
    token: params.t,
    results: results.map(resultView),
    unchanged: saved.results.length - results.length,
    link: `${webAppUrl()}?t=${encodeURIComponent(String(params.t))}`,
  });
}

/** 回答記録's 回答: what the answer did, e.g. 「追加1件・更新2件」. */
function answerText(results: ItemResult[]): string {
  const count = (status: ItemResult["status"]) => results.filter((r) => r.status === status).length;
  const parts = [["追加", count("added")], ["更新", count("updated")], ["失敗", count("failed")]].filter(([, n]) => n).map(([w, n]) => `${w}${n}件`);
  return parts.length ? parts.join("・") : "変更なし";
}

/** A saved item on the receipt (a failed one goes back to the form instead). */
function resultView(result: ItemResult) {
  const label = { added: "追加しました", updated: `更新しました（${result.changed.join("・")}）`, failed: "", unchanged: "" }[result.status];
  return { ...result, label };
}
