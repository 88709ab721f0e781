// The owners' personal answer page (the web app): a signed link shows only that
// owner's issues; answers go through the shared write path with 経路 = メール回答.
import { normalizeEmail, normalizeText } from "../../core/base/text";
import { PROGRESS_CLASSES, PROGRESS_WORDING } from "../../core/classes";
import type { AnswerRecord } from "../../core/contracts/answer-log";
import { ISSUES, type IssueRecord } from "../../core/contracts/issues";
import { cycleLabel, cycleOf } from "../../core/follow-up/cycle";
import { latestAnswers } from "../../core/mailing/answer-log";
import { SIGNED_IN_ACCOUNTS_ADVICE } from "../../core/mailing/signed-in-accounts";
import { linkProblem, type TokenClaims } from "../../core/mailing/token";
import { formatWareki, formatWarekiWithWeekday } from "../../core/wareki";
import { webPage } from "../../gas/pages";
import { BusyError, FORM_BUSY_MESSAGE, withWriteLock } from "../../gas/lock";
import { activeUserEmail } from "../../gas/session";
import { loadSettings } from "../../gas/settings";
import { requireRecords } from "../../gas/table";
import { webAppUrl } from "../../gas/triggers";
import { saveIssues } from "../issue-writer";
import { pendingCycle } from "../mailing/engine";
import { checkLink } from "../mailing/links";
import { readAnswers, recordAnswers } from "../mailing/log-sheets";
import { FOLLOW_UP, cycleRequests } from "./mailing";

export const NO_CHANGE = "変更なし";
const CHOICES = [NO_CHANGE, ...PROGRESS_CLASSES];

type WebEvent = { parameter?: Record<string, string> };

/** The form's fields as its page sends them through google.script.run (name → value). */
export type FormFields = Record<string, string>;

interface FormIssue {
  id: string;
  title: string;
  progress: string;
  timing: string;
  memo: string;
  updated: string;
  base: string;
  previous: { answer: string; timing: string; memo: string; at: string } | null;
  chosen: string;
  error: string;
}

interface ResultRow {
  id: string;
  title: string;
  ok: boolean;
  answer: string;
  timing: string;
  memo: string;
  message: string;
}

function page(view: "form" | "receipt" | "error", data: Record<string, unknown>): GoogleAppsScript.HTML.HtmlOutput {
  const defaults = { view, choices: CHOICES, wording: PROGRESS_WORDING, errors: [], issues: [], results: [], message: "" };
  return webPage("answer", { ...defaults, ...data }, "進捗確認のご回答｜プラチナ市役所プロジェクト");
}

function errorPage(message: string) {
  return page("error", { message, advice: SIGNED_IN_ACCOUNTS_ADVICE });
}

/** The token's claims, or an error page: bad, expired, other purpose, or another signed-in person. */
function authenticate(token: unknown): { claims: TokenClaims } | { error: GoogleAppsScript.HTML.HtmlOutput } {
  const check = checkLink(token, "follow-up");
  if (!check.ok) return { error: errorPage(linkProblem(check.reason, "進捗確認")) };
  const current = cycleOf(new Date());
  if (check.claims.cycle !== current && check.claims.cycle !== pendingCycle(FOLLOW_UP)) {
    return { error: errorPage(`このリンクは${cycleLabel(check.claims.cycle)}の進捗確認用です。最新のメールのリンクを開いてください。`) };
  }
  const visitor = activeUserEmail();
  if (visitor && visitor !== normalizeEmail(check.claims.email)) {
    return { error: errorPage(`このリンクは ${check.claims.email} 様専用です。いまは ${visitor} でログインしています。${check.claims.email} のアカウントに切り替えてから、もう一度メールのリンクを開いてください。`) };
  }
  return { claims: check.claims };
}

/** The owner's issues for the cycle: those still asked, plus any answered earlier in the cycle. */
function ownerIssues(claims: TokenClaims, answered: Map<string, AnswerRecord>): IssueRecord[] {
  const table = requireRecords(ISSUES, []);
  const asked = cycleRequests(table.values, claims.cycle, loadSettings().settings).find((r) => r.owner === normalizeEmail(claims.email))?.issues ?? [];
  const ids = new Set(asked.map((i) => i.ID));
  const extra = table.rows.map((row) => row.record)
    .filter((issue) => answered.has(normalizeText(issue.ID)) && !ids.has(normalizeText(issue.ID)))
    .filter((issue) => normalizeEmail(issue.担当者メール) === normalizeEmail(claims.email));
  return [...asked, ...extra];
}

/** The owner as their mail addresses them: 「総務市民局 人事課 ご担当者」, from their first issue as the request is. */
function addressee(issues: IssueRecord[], email: string): string {
  const name = issues.length ? [issues[0].制度所管局, issues[0].所管課].filter(Boolean).join(" ") : "";
  return name ? `${name} ご担当者` : email;
}

function formIssue(issue: IssueRecord, previous: AnswerRecord | undefined): FormIssue {
  return {
    id: issue.ID,
    title: issue.課題名,
    progress: issue.進捗分類,
    timing: issue.実施時期,
    memo: issue.進捗メモ,
    updated: issue.最終更新日 ? formatWareki(new Date(issue.最終更新日)) : "",
    base: JSON.stringify({ 進捗分類: issue.進捗分類, 実施時期: issue.実施時期, 進捗メモ: issue.進捗メモ, 最終更新日: issue.最終更新日 }),
    previous: previous ? { answer: previous.回答, timing: previous.実施時期, memo: previous.進捗メモ, at: previous.日時 ? formatWareki(previous.日時) : "" } : null,
    chosen: previous ? NO_CHANGE : "",
    error: "",
  };
}

function formData(claims: TokenClaims, issues: FormIssue[], errors: string[] = []) {
  return {
    owner: claims.email,
    cycle: cycleLabel(claims.cycle),
    deadline: formatWarekiWithWeekday(new Date(claims.expires)),
    token: "",
    issues,
    errors,
  };
}

export function showAnswerForm(e: WebEvent): GoogleAppsScript.HTML.HtmlOutput {
  const token = e.parameter?.t;
  const auth = authenticate(token);
  if ("error" in auth) return auth.error;
  const answered = latestAnswers(readAnswers(), auth.claims.cycle, auth.claims.email);
  const records = ownerIssues(auth.claims, answered);
  const issues = records.map((issue) => formIssue(issue, answered.get(issue.ID)));
  if (issues.length === 0) return errorPage("今回ご回答いただく課題はありません。ありがとうございました。");
  return page("form", { ...formData(auth.claims, issues), owner: addressee(records, auth.claims.email), token });
}

/** The form sent through google.script.run: saves the answers and returns the receipt, or the form again with the input kept. */
export function receiveAnswers(fields: FormFields): GoogleAppsScript.HTML.HtmlOutput {
  const params = fields ?? {};
  const auth = authenticate(params.t);
  if ("error" in auth) return auth.error;
  const owner = normalizeEmail(auth.claims.email);
  const answered = latestAnswers(readAnswers(), auth.claims.cycle, owner);
  const issues = ownerIssues(auth.claims, answered);
  // Validate everything first: a missing choice re-shows the form with the input kept, and nothing is saved.
  const form = issues.map((issue) => {
    const item = formIssue(issue, answered.get(issue.ID));
    item.chosen = String(params[`answer:${issue.ID}`] ?? "");
    item.timing = String(params[`timing:${issue.ID}`] ?? item.timing);
    item.memo = String(params[`memo:${issue.ID}`] ?? item.memo);
    item.base = String(params[`base:${issue.ID}`] ?? item.base);
    if (!CHOICES.includes(item.chosen)) item.error = "「変更なし」または新しい進捗分類を選んでください。";
    return item;
  });
  const missing = form.filter((i) => i.error);
  if (missing.length > 0) {
    return page("form", { ...formData(auth.claims, form, [`${missing.length}件の課題で回答が選ばれていません。`]), owner: addressee(issues, owner), token: params.t });
  }
  const now = new Date();
  const results: ResultRow[] = [];
  const updates = form.map((item) => {
    const original = issues.find((i) => i.ID === item.id) as IssueRecord;
    const changes: Record<string, string> = {};
    if (item.chosen !== NO_CHANGE) changes.進捗分類 = item.chosen;
    if (item.timing.trim() !== original.実施時期.trim()) changes.実施時期 = item.timing;
    if (item.memo.trim() !== original.進捗メモ.trim()) changes.進捗メモ = item.memo;
    let expected: Record<string, string> = {};
    try {
      expected = JSON.parse(item.base);
    } catch {
      expected = {};
    }
    return { id: item.id, expected, changes };
  });
  // All of the owner's answers and their 回答記録 in one locked pass: one read of 課題, one 履歴 append.
  let saved: ReturnType<typeof saveIssues>;
  try {
    saved = withWriteLock(() => {
      const results = saveIssues(updates, {
        user: owner,
        route: "メール回答",
        now,
        authorized: (current) => normalizeEmail(current.担当者メール) === owner,
      });
      const answers = results.flatMap((result, i) => (result.ok
        ? [{ 日時: now, サイクル: auth.claims.cycle, 回答者: owner, ID: form[i].id, 回答: form[i].chosen, 実施時期: result.issue.実施時期, 進捗メモ: result.issue.進捗メモ }]
        : []));
      if (answers.length > 0) recordAnswers(answers);
      return results;
    });
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    return page("form", { ...formData(auth.claims, form, [FORM_BUSY_MESSAGE]), token: params.t });
  }
  form.forEach((item, i) => {
    const result = saved[i];
    if (result.ok) {
      results.push({ id: item.id, title: item.title, ok: true, answer: item.chosen, timing: result.issue.実施時期, memo: result.issue.進捗メモ, message: "" });
    } else {
      const current = result.current ? `（現在の内容: ${result.current.進捗分類}／${result.current.実施時期 || "—"}／${result.current.進捗メモ || "—"}）` : "";
      results.push({ id: item.id, title: item.title, ok: false, answer: item.chosen, timing: item.timing, memo: item.memo, message: `${result.message}${current}` });
    }
  });
  return page("receipt", { ...formData(auth.claims, []), token: params.t, results, link: `${webAppUrl()}?t=${encodeURIComponent(String(params.t))}` });
}
