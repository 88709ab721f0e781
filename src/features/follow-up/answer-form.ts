// The owners' personal answer page (the web app): a signed link shows only that
// owner's issues; answers go through the shared write path with 経路 = メール回答.
import { charCount, counterText, normalizeEmail, normalizeText } from "../../core/base/text";
import type { AnswerRecord } from "../../core/contracts/answer-log";
import { ISSUES, type EditableField, type IssueRecord } from "../../core/contracts/issues";
import {
  NO_CHANGE, answerChoices, answerEntry, answerUpdate, baseName, checkAnswer, currentContent, currentLine, postedName, problemLines,
  readAnswer, receiptBanner, savedValues, type Answer,
} from "../../core/follow-up/answers";
import { cycleLabel, cycleOf } from "../../core/follow-up/cycle";
import { askedInput, dateInputType, expectedOf, keptInputs, labelList } from "../../core/issue-fields";
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

type WebEvent = { parameter?: Record<string, string> };

/** The form's fields as its page sends them through google.script.run (name → value). */
export type FormFields = Record<string, string>;

/** One input of an issue below the asked choice, as the page renders it (from the contract's description). */
interface FormInput {
  name: string;
  /** The element id; the label, help, counter and error line are named after it. */
  key: string;
  label: string;
  kind: string;
  /** The input element's type: text, or date for a day (or a blank date field). */
  type: string;
  value: string;
  lines: number;
  placeholder: string;
  help: string;
  choices: string[];
  /** Limit for the character counter (0: none), its text, and whether the text is over it. */
  limit: number;
  counter: string;
  over: boolean;
  error: string;
  /** The ids of the help, counter and error lines. */
  describedBy: string;
}

interface FormIssue {
  id: string;
  title: string;
  /** 「現在：検討中／実施時期 R8年度」 */
  current: string;
  updated: string;
  base: string;
  answerName: string;
  baseName: string;
  previous: { answer: string; at: string } | null;
  chosen: string;
  error: string;
  inputs: FormInput[];
  hasError: boolean;
}

interface ResultRow {
  id: string;
  title: string;
  ok: boolean;
  answer: string;
  values: { label: string; value: string; long: boolean }[];
  message: string;
}

function page(view: "form" | "receipt" | "error", data: Record<string, unknown>): GoogleAppsScript.HTML.HtmlOutput {
  const asked = askedInput();
  const intro = `課題ごとに、進捗に変更がなければ「${NO_CHANGE}」、変更があれば新しい${asked.label}を選び、必要に応じて${labelList(keptInputs())}を更新してください。`;
  const defaults = { view, choices: answerChoices(), asked: asked.label, intro, errors: [], issues: [], results: [], banner: null, message: "" };
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

/** An issue on the form: the served values, or what the owner sent with the reasons it cannot be saved yet. */
function formIssue(issue: IssueRecord, previous: AnswerRecord | undefined, sent?: { answer: Answer; errors: Partial<Record<EditableField, string>> }): FormIssue {
  const asked = askedInput();
  const errors = sent?.errors ?? {};
  return {
    id: issue.ID,
    title: issue.課題名,
    current: currentLine(issue),
    updated: issue.最終更新日 ? formatWareki(new Date(issue.最終更新日)) : "",
    // What the owner starts from: sent back as is, so a later save sees someone else's update in between.
    base: sent ? JSON.stringify(sent.answer.expected) : JSON.stringify(expectedOf(issue)),
    answerName: postedName(asked, issue.ID),
    baseName: baseName(issue.ID),
    previous: previous ? { answer: previous.回答, at: previous.日時 ? formatWareki(previous.日時) : "" } : null,
    chosen: sent ? sent.answer.chosen : previous ? NO_CHANGE : "",
    error: errors[asked.field] ?? "",
    inputs: keptInputs().map((input) => {
      const value = sent?.answer.values[input.field] ?? issue[input.field];
      const limit = input.lines && input.maxLength !== undefined ? input.maxLength : 0;
      const key = `${input.slug}-${issue.ID}`;
      return {
        name: postedName(input, issue.ID),
        key,
        label: input.label,
        kind: input.kind,
        type: input.kind === "date" ? dateInputType(value) : "text",
        value,
        // A form of many issues keeps each box short; the sidebar gives the full height.
        lines: input.lines ? Math.min(input.lines, 3) : 0,
        placeholder: input.placeholder ?? "",
        help: input.help ?? "",
        choices: (input.choices ?? []).map((c) => c.value),
        limit,
        counter: limit ? counterText(value, limit) : "",
        over: limit > 0 && charCount(value) > limit,
        error: errors[input.field] ?? "",
        describedBy: [input.help ? `${key}-help` : "", limit ? `${key}-count` : "", `${key}-error`].filter(Boolean).join(" "),
      };
    }),
    hasError: Object.keys(errors).length > 0,
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
  // Check everything first: a missing choice or a value too long re-shows the form with the input kept, and nothing is saved.
  const answers = issues.map((issue) => readAnswer(params, issue));
  const updates = answers.map((answer, i) => answerUpdate(answer, issues[i]));
  const checks = answers.map((answer, i) => checkAnswer(answer, updates[i]));
  const form = () => issues.map((issue, i) => formIssue(issue, answered.get(issue.ID), { answer: answers[i], errors: checks[i].errors }));
  const problems = problemLines(checks);
  if (problems.length > 0) {
    return page("form", { ...formData(auth.claims, form(), problems), owner: addressee(issues, owner), token: params.t });
  }
  const now = new Date();
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
      const entries = results.flatMap((result, i) => (result.ok ? [answerEntry(now, auth.claims.cycle, owner, answers[i], result.issue)] : []));
      if (entries.length > 0) recordAnswers(entries);
      return results;
    });
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    return page("form", { ...formData(auth.claims, form(), [FORM_BUSY_MESSAGE]), owner: addressee(issues, owner), token: params.t });
  }
  const results: ResultRow[] = answers.map((answer, i) => {
    const result = saved[i];
    const title = issues[i].課題名;
    if (result.ok) return { id: answer.id, title, ok: true, answer: answer.chosen, values: savedValues(result.issue), message: "" };
    const current = result.current ? currentContent(result.current) : "";
    return { id: answer.id, title, ok: false, answer: answer.chosen, values: [], message: `${result.message}${current}` };
  });
  return page("receipt", {
    ...formData(auth.claims, []),
    token: params.t,
    results,
    banner: receiptBanner(results),
    link: `${webAppUrl()}?t=${encodeURIComponent(String(params.t))}`,
  });
}
