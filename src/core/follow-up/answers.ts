// The owners' answer form decided on plain values, as the survey's is in
// survey/submission.ts: what each posted issue changes, what is refused before
// anything is saved, the receipt's wording and 回答記録's row. The fields are the
// 課題 contract's: the asked one (「変更なし」 or a new value) and the others below it.
import { answerActor, type AnswerEntry } from "../contracts/answer-log";
import type { Actor } from "../contracts/history";
import { EDITABLE_FIELDS, type EditableField, type FieldInput, type IssueRecord } from "../contracts/issues";
import { askedInput, displayText, keptInputs, sameInput } from "../issue-fields";
import { validateChanges, type IssueUpdate } from "../issue-update";

export const NO_CHANGE = "変更なし";

/** The asked field's options on the form: 「変更なし」 first, then its choices with their wording. */
export function answerChoices(): { value: string; help: string }[] {
  return [{ value: NO_CHANGE, help: "" }, ...(askedInput().choices ?? []).map((c) => ({ value: c.value, help: c.help ?? "" }))];
}

/** A posted field's name: `answer:ID` for the asked choice, `slug:ID` for each other field. */
export function postedName(input: FieldInput, id: string): string {
  return `${input.asked ? "answer" : input.slug}:${id}`;
}

/** The posted field holding the values the form was served with (JSON), for the conflict check. */
export function baseName(id: string): string {
  return `base:${id}`;
}

/** One issue as the owner answered it. */
export interface Answer {
  id: string;
  /** 「変更なし」 or a new value of the asked field; "" when nothing was chosen. */
  chosen: string;
  /** The other fields as posted (the issue's values where nothing was posted). */
  values: Partial<Record<EditableField, string>>;
  /** The values the form was served with: a mismatch with the sheet means someone else changed the issue. */
  expected: IssueUpdate["expected"];
}

/** The served values back from their JSON: known fields with text values only; unreadable JSON checks nothing. */
function expectedFrom(json: string | undefined): IssueUpdate["expected"] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? "");
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== "object") return {};
  const expected: IssueUpdate["expected"] = {};
  for (const field of [...EDITABLE_FIELDS, "最終更新日"] as const) {
    const value = (parsed as Record<string, unknown>)[field];
    if (typeof value === "string") expected[field] = value;
  }
  return expected;
}

/** The issue's part of the posted form. */
export function readAnswer(posted: Readonly<Record<string, unknown>>, issue: IssueRecord): Answer {
  const text = (name: string, fallback: string) => (posted[name] === undefined || posted[name] === null ? fallback : String(posted[name]));
  const values: Answer["values"] = {};
  for (const input of keptInputs()) values[input.field] = text(postedName(input, issue.ID), issue[input.field]);
  const served = posted[baseName(issue.ID)];
  return {
    id: issue.ID,
    chosen: text(postedName(askedInput(), issue.ID), ""),
    values,
    expected: served === undefined ? {} : expectedFrom(String(served)),
  };
}

/**
 * What the answer changes: the chosen value unless 「変更なし」, and each other field
 * the owner changed from the form as served (compared as staff see values).
 */
export function answerUpdate(answer: Answer, issue: IssueRecord): IssueUpdate {
  const changes: IssueUpdate["changes"] = {};
  if (answer.chosen !== NO_CHANGE) changes[askedInput().field] = answer.chosen;
  for (const input of keptInputs()) {
    const value = answer.values[input.field] ?? issue[input.field];
    if (!sameInput(input, answer.expected[input.field] ?? issue[input.field], value)) changes[input.field] = value;
  }
  return { id: answer.id, expected: answer.expected, changes };
}

export interface AnswerCheck {
  /** No choice (「変更なし」 or a new value) was made. */
  missing: boolean;
  /** Why it cannot be saved, by field; empty when it can. */
  errors: Partial<Record<EditableField, string>>;
}

/** What keeps the answer from being saved: a missing choice, or a value its field refuses. */
export function checkAnswer(answer: Answer, update: IssueUpdate): AnswerCheck {
  const asked = askedInput();
  const errors = validateChanges(update.changes);
  const missing = !answerChoices().some((c) => c.value === answer.chosen);
  if (missing) errors[asked.field] = `「${NO_CHANGE}」または新しい${asked.label}を選んでください。`;
  return { missing, errors };
}

/** The summary above a form sent back for corrections (nothing saved): how many issues lack a choice, how many have a value to fix. */
export function problemLines(checks: readonly AnswerCheck[]): string[] {
  const asked = askedInput().field;
  const missing = checks.filter((c) => c.missing).length;
  const invalid = checks.filter((c) => Object.keys(c.errors).some((field) => !(c.missing && field === asked))).length;
  return [
    ...(missing > 0 ? [`${missing}件の課題で回答が選ばれていません。`] : []),
    ...(invalid > 0 ? [`${invalid}件の課題で入力内容を直す必要があります（各課題の赤字の説明をご確認ください）。`] : []),
  ];
}

/** 「現在：検討中／実施時期 R8年度」: the asked value and each one-line field, as the form shows them above the inputs. */
export function currentLine(issue: IssueRecord): string {
  const asked = askedInput();
  const others = keptInputs().filter((input) => !input.lines).map((input) => `／${input.label} ${displayText(input, issue[input.field])}`);
  return `現在：${displayText(asked, issue[asked.field])}${others.join("")}`;
}

/** The issue's values after an answer was saved, as the receipt lists them under 回答. */
export function savedValues(issue: IssueRecord): { label: string; value: string; long: boolean }[] {
  return keptInputs().map((input) => ({ label: input.label, value: displayText(input, issue[input.field]), long: Boolean(input.lines) }));
}

/** 「（現在の内容: 検討中／R8年度／調整中）」: what the sheet holds after someone else's update. */
export function currentContent(issue: IssueRecord): string {
  return `（現在の内容: ${[askedInput(), ...keptInputs()].map((input) => displayText(input, issue[input.field])).join("／")}）`;
}

/** The receipt's banner: all saved (the thanks), some not, or none — never the thanks for everything when something was refused. */
export function receiptBanner(results: readonly { id: string; ok: boolean }[]): { kind: "done" | "partial"; text: string } {
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) return { kind: "done", text: "ご回答ありがとうございました。以下の内容で記録しました。" };
  const retry = "記録できなかった課題は、同じリンクを開き直すと最新の内容が表示され、回答し直せます。";
  const ids = failed.map((r) => r.id).join("、");
  if (failed.length === results.length) {
    return { kind: "partial", text: `ご回答を記録できませんでした（${ids}）。理由は課題ごとに表示しています。${retry}` };
  }
  return {
    kind: "partial",
    text: `${results.length}件のうち${results.length - failed.length}件を記録しました。${failed.length}件（${ids}）は記録できませんでした。理由は課題ごとに表示しています。${retry}`,
  };
}

/** 回答記録's row for a saved answer: who answered (for which address), the choice as 回答, the other fields as saved. */
export function answerEntry(at: Date, cycle: string, actor: Actor, answer: Answer, saved: IssueRecord): AnswerEntry {
  const entry: AnswerEntry = { 日時: at, サイクル: cycle, ...answerActor(actor), ID: answer.id, 回答: answer.chosen };
  for (const input of keptInputs()) (entry as Record<string, unknown>)[input.field] = saved[input.field];
  return entry;
}
