// The owners' answer page (the web app): a link signed for an address (usually a
// section's shared one) shows only that address's issues, to whoever may act for it
// today — the address itself, a person 担当者 lists for it, or the secretariat —
// and answers go through the shared write path with 経路 = メール回答, recorded as
// the person who answered for the address. Anyone else signed in is refused.
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
import { actFor, actedFor, type Acting } from "../../core/delegation";
import { refusalOf } from "../../core/delegation-refusal";
import type { Actor } from "../../core/contracts/history";
import { dayOf } from "../../core/contracts/pt-values";
import { webPage } from "../../gas/pages";
import { BusyError, FORM_BUSY_MESSAGE, withWriteLock } from "../../gas/lock";
import { activeUserEmail } from "../../gas/session";
import { loadAccessList, loadSettings } from "../../gas/settings";
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

function page(view: "form" | "receipt" | "error" | "refused", data: Record<string, unknown>): GoogleAppsScript.HTML.HtmlOutput {
  const asked = askedInput();
  const intro = `課題ごとに、進捗に変更がなければ「${NO_CHANGE}」、変更があれば新しい${asked.label}を選び、必要に応じて${labelList(keptInputs())}を更新してください。`;
  const defaults = { view, choices: answerChoices(), asked: asked.label, intro, errors: [], issues: [], results: [], banner: null, message: "", acting: "" };
  return webPage("answer", { ...defaults, ...data }, "進捗確認のご回答｜プラチナ市役所プロジェクト");
}

function errorPage(message: string) {
  return page("error", { message, advice: SIGNED_IN_ACCOUNTS_ADVICE });
}

/** A visit the link and the signed-in person allow: the link's claims, who answers, and how the form says so. */
interface Visit {
  claims: TokenClaims;
  actor: Actor;
  /** 「山田 太郎 様が人事課の担当として回答します…」; "" when the person answers for their own address. */
  acting: string;
}

/**
 * The visit, or the page to show instead: an error for a bad, expired or other-cycle
 * link; a refusal naming the section and its people for a signed-in person who may
 * not act for the link's address today. Apps Script names no one to a visitor outside
 * the deployer's domain (R-session): then the signed link alone answers for the
 * address, as it did before 担当者, and the person is recorded as 不明.
 */
function authenticate(token: unknown): { visit: Visit } | { error: GoogleAppsScript.HTML.HtmlOutput } {
  const check = checkLink(token, "follow-up");
  if (!check.ok) return { error: errorPage(linkProblem(check.reason, "進捗確認")) };
  const current = cycleOf(new Date());
  if (check.claims.cycle !== current && check.claims.cycle !== pendingCycle(FOLLOW_UP)) {
    return { error: errorPage(`このリンクは${cycleLabel(check.claims.cycle)}の進捗確認用です。最新のメールのリンクを開いてください。`) };
  }
  const claims = check.claims;
  const visitor = activeUserEmail();
  if (!visitor) return { visit: { claims, actor: { person: "", onBehalfOf: normalizeEmail(claims.email), standing: "不明" }, acting: "" } };
  const access = loadAccessList();
  const acting = actFor(visitor, claims.email, dayOf(new Date()), access.directory, access.secretariat);
  if (!acting.ok) return { error: refusedPage(acting) };
  return { visit: { claims, actor: actedFor(acting), acting: actingLine(acting) } };
}

function actingLine(acting: Extract<Acting, { ok: true }>): string {
  switch (acting.by) {
    case "self":
      return "";
    case "listed":
      return `${acting.delegation.name || acting.person} 様（${acting.person}）が、このアドレスの${acting.delegation.role}として回答します。回答者として記録されるのは ${acting.person} です。`;
    case "secretariat":
      return `市政変革推進室（${acting.person}）として、このアドレスに代わって回答します。回答者として記録されるのは ${acting.person} です。`;
  }
}

/** The refusal: the section by name (from 課題, nothing else of it), the people listed for it, what to do. Nothing is saved. */
function refusedPage(refused: Extract<Acting, { ok: false }>): GoogleAppsScript.HTML.HtmlOutput {
  const issues = requireRecords(ISSUES, []).rows.map((row) => row.record);
  const section = sectionName(issues.filter((issue) => normalizeEmail(issue.担当者メール) === refused.address));
  const reason = refused.reason === "anonymous" ? "not listed" : refused.reason;
  const refusal = refusalOf({ ...refused, reason }, section);
  return page("refused", { ...refusal, advice: refusal.advice, accounts: SIGNED_IN_ACCOUNTS_ADVICE });
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

/** 「総務市民局 人事課」: the owner as their first issue names them, as the request mail does ("" without issues). */
function sectionName(issues: IssueRecord[]): string {
  return issues.length ? [issues[0].制度所管局, issues[0].所管課].filter(Boolean).join(" ") : "";
}

/** The owner as their mail addresses them: 「総務市民局 人事課 ご担当者」. */
function addressee(issues: IssueRecord[], email: string): string {
  const name = sectionName(issues);
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

function formData(visit: Visit, issues: FormIssue[], errors: string[] = []) {
  const claims = visit.claims;
  return {
    acting: visit.acting,
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
  const { claims } = auth.visit;
  // What anyone of the section answered earlier in the cycle: a second person sees the first's answer.
  const answered = latestAnswers(readAnswers(), claims.cycle, claims.email);
  const records = ownerIssues(claims, answered);
  const issues = records.map((issue) => formIssue(issue, answered.get(issue.ID)));
  if (issues.length === 0) return errorPage("今回ご回答いただく課題はありません。ありがとうございました。");
  return page("form", { ...formData(auth.visit, issues), owner: addressee(records, claims.email), token });
}

/** The form sent through google.script.run: saves the answers and returns the receipt, or the form again with the input kept. */
export function receiveAnswers(fields: FormFields): GoogleAppsScript.HTML.HtmlOutput {
  const params = fields ?? {};
  const auth = authenticate(params.t);
  if ("error" in auth) return auth.error;
  const { claims, actor } = auth.visit;
  const owner = normalizeEmail(claims.email);
  const answered = latestAnswers(readAnswers(), claims.cycle, owner);
  const issues = ownerIssues(claims, answered);
  // Check everything first: a missing choice or a value too long re-shows the form with the input kept, and nothing is saved.
  const answers = issues.map((issue) => readAnswer(params, issue));
  const updates = answers.map((answer, i) => answerUpdate(answer, issues[i]));
  const checks = answers.map((answer, i) => checkAnswer(answer, updates[i]));
  const form = () => issues.map((issue, i) => formIssue(issue, answered.get(issue.ID), { answer: answers[i], errors: checks[i].errors }));
  const problems = problemLines(checks);
  if (problems.length > 0) {
    return page("form", { ...formData(auth.visit, form(), problems), owner: addressee(issues, owner), token: params.t });
  }
  const now = new Date();
  // All of the owner's answers and their 回答記録 in one locked pass: one read of 課題, one 履歴 append.
  let saved: ReturnType<typeof saveIssues>;
  try {
    saved = withWriteLock(() => {
      const results = saveIssues(updates, {
        user: actor.person,
        route: "メール回答",
        now,
        // The link decided who may answer for its address; an issue moved to another address meanwhile is refused.
        actorFor: (current) => (normalizeEmail(current.担当者メール) === owner ? actor : null),
      });
      const entries = results.flatMap((result, i) => (result.ok ? [answerEntry(now, claims.cycle, actor, answers[i], result.issue)] : []));
      if (entries.length > 0) recordAnswers(entries);
      return results;
    });
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    return page("form", { ...formData(auth.visit, form(), [FORM_BUSY_MESSAGE]), owner: addressee(issues, owner), token: params.t });
  }
  const results: ResultRow[] = answers.map((answer, i) => {
    const result = saved[i];
    const title = issues[i].課題名;
    if (result.ok) return { id: answer.id, title, ok: true, answer: answer.chosen, values: savedValues(result.issue), message: "" };
    const current = result.current ? currentContent(result.current) : "";
    return { id: answer.id, title, ok: false, answer: answer.chosen, values: [], message: `${result.message}${current}` };
  });
  return page("receipt", {
    ...formData(auth.visit, []),
    token: params.t,
    results,
    banner: receiptBanner(results),
    link: `${webAppUrl()}?t=${encodeURIComponent(String(params.t))}`,
  });
}
