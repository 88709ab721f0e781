// A 局区's answer to the survey, decided on plain values: validation first,
// then — under the lock, on the sheet as it is now — which rows change, which
// are added, and the 履歴 rows. Rows are found by (年度, 局区名, 取組名 as
// loaded), and a row someone changed since it was loaded is left alone.
import { sameValue } from "../contracts/contract";
import { recordedActor, type Actor, type HistoryEntry } from "../contracts/history";
import { REFORMS } from "../contracts/reforms";
import { reformRows, type ReformRow, type ReformValues } from "./reforms";

export const LIMITS = { 取組名: 100, 概要: 1000 } as const;

type TextField = keyof typeof LIMITS;
export type FieldErrors = Partial<Record<TextField, string>>;

/** A row the 局区 saw in the form: its values then (base) and now (next). */
export interface ReformEdit {
  key: string;
  局区名: string;
  base: ReformValues;
  next: ReformValues;
}

export interface ReformAdd {
  key: string;
  局区名: string;
  next: ReformValues;
}

export interface Submission {
  edits: ReformEdit[];
  adds: ReformAdd[];
}

/** Errors by form key; empty when everything can be saved. */
export function validateSubmission(submission: Submission): Map<string, FieldErrors> {
  const errors = new Map<string, FieldErrors>();
  const add = (key: string, field: TextField, message: string) => errors.set(key, { ...errors.get(key), [field]: message });
  const items = [
    ...submission.edits.map((e) => ({ ...e, renamed: !sameValue(e.base.取組名, e.next.取組名), isNew: false })),
    ...submission.adds.map((a) => ({ ...a, renamed: true, isNew: true })),
  ];
  for (const item of items) {
    for (const field of Object.keys(LIMITS) as TextField[]) {
      const length = item.next[field].trim().length;
      if (length > LIMITS[field]) add(item.key, field, `${field}は${LIMITS[field]}文字以内で入力してください（現在${length}文字）。`);
    }
    if (item.next.取組名.trim() === "") {
      add(item.key, "取組名", item.isNew
        ? "取組名を入力してください（概要や好事例の候補だけでは登録できません）。"
        : "取組名は空欄にできません。取組を取り下げる場合は、市政変革推進室にご連絡ください。");
    }
  }
  // Only a new or renamed row can make a duplicate; older duplicates in the sheet stay as they are.
  for (const item of items) {
    if (!item.renamed || errors.get(item.key)?.取組名) continue;
    const twin = items.find((other) => other !== item && other.局区名 === item.局区名 && sameValue(other.next.取組名, item.next.取組名));
    if (twin) add(item.key, "取組名", `同じ取組名「${item.next.取組名.trim()}」の取組がほかにもあります。取組名を変えてください。`);
  }
  return errors;
}

export interface ItemResult {
  key: string;
  局区名: string;
  取組名: string;
  status: "added" | "updated" | "unchanged" | "failed";
  /** As saved (or, after a failure, as entered). */
  values: ReformValues;
  /** The fields that changed (added rows: those filled in). */
  changed: string[];
  message: string;
  /** The row as it is now, when someone else changed it first. */
  current: ReformValues | null;
}

type SurveyField = (typeof FIELDS)[number];

export interface SavePlan {
  /** Fields to write by row index (into values). */
  cells: Map<number, Map<SurveyField, unknown>>;
  appends: unknown[][];
  history: HistoryEntry[];
  results: ItemResult[];
}

export interface PlanContext {
  /** Reiwa number and label ("R8") of the surveyed year. */
  year: number;
  yearLabel: string;
  /** The 局区's 代表メール: 担当者メール of added rows. */
  email: string;
  /** Who answered for it, as 履歴 names them. */
  actor: Actor;
  now: Date;
}

const FIELDS = ["取組名", "概要", "好事例"] as const;

/** 履歴's ID of a reform row: stable as long as its 局区 and 取組名 are. */
function reformId(bureau: string, name: string): string {
  return `局区改革:${bureau}:${name}`;
}

function text(field: (typeof FIELDS)[number], values: ReformValues): string {
  return field === "好事例" ? (values.好事例 ? "はい" : "いいえ") : values[field];
}

function same(a: ReformValues, b: ReformValues): boolean {
  return sameValue(a.取組名, b.取組名) && sameValue(a.概要, b.概要) && a.好事例 === b.好事例;
}

function cleaned(values: ReformValues): ReformValues {
  return { 取組名: values.取組名.trim(), 概要: values.概要.trim(), 好事例: values.好事例 };
}

export function planSurveySave(values: unknown[][], submission: Submission, context: PlanContext): SavePlan {
  const bureaus = [...new Set([...submission.edits, ...submission.adds].map((i) => i.局区名))];
  const rows = reformRows(values, context.year, bureaus);
  // The names as this plan leaves them, to refuse a duplicate made meanwhile by someone else.
  const live = rows.map((r) => ({ 局区名: r.局区名, 取組名: r.取組名 }));
  const taken = (bureau: string, name: string, self?: object) => live.some((r) => r !== self && r.局区名 === bureau && sameValue(r.取組名, name));
  const plan: SavePlan = { cells: new Map(), appends: [], history: [], results: [] };
  const claimed = new Set<number>();
  const log = (bureau: string, name: string, field: string, before: string, after: string) =>
    plan.history.push({ 日時: context.now, ...recordedActor(context.actor), ID: reformId(bureau, name), 項目: field, 変更前: before, 変更後: after, 経路: "局区照会" });
  const result = (item: { key: string; 局区名: string; next: ReformValues }, name: string, status: ItemResult["status"], extra: Partial<ItemResult> = {}) =>
    plan.results.push({ key: item.key, 局区名: item.局区名, 取組名: name, status, values: cleaned(item.next), changed: [], message: "", current: null, ...extra });

  for (const edit of submission.edits) {
    const next = cleaned(edit.next);
    const candidates = rows.filter((r) => r.局区名 === edit.局区名 && sameValue(r.取組名, edit.base.取組名) && !claimed.has(r.index));
    if (candidates.length === 0) {
      result(edit, next.取組名, "failed", { message: `取組「${edit.base.取組名}」が見つかりません。削除されたか、取組名が変更された可能性があります。` });
      continue;
    }
    const row: ReformRow | undefined = candidates.find((r) => same(r, edit.base));
    if (!row) {
      const { 取組名, 概要, 好事例 } = candidates[0];
      result(edit, next.取組名, "failed", { message: "ほかの方がこの取組を先に更新しました。最新の内容を確認して、もう一度入力してください。", current: { 取組名, 概要, 好事例 } });
      continue;
    }
    claimed.add(row.index);
    const changed = FIELDS.filter((f) => (f === "好事例" ? row.好事例 !== next.好事例 : !sameValue(row[f], next[f])));
    const entry = live[rows.indexOf(row)];
    if (changed.length === 0) {
      result(edit, row.取組名, "unchanged");
      continue;
    }
    if (changed.includes("取組名") && taken(edit.局区名, next.取組名, entry)) {
      result(edit, next.取組名, "failed", { message: `同じ取組名「${next.取組名}」の取組がすでにあります。取組名を変えてください。` });
      continue;
    }
    const cells = new Map<SurveyField, unknown>();
    for (const field of changed) {
      cells.set(field, next[field]);
      log(edit.局区名, next.取組名, field, text(field, row), text(field, next));
    }
    plan.cells.set(row.index, cells);
    entry.取組名 = next.取組名;
    result(edit, next.取組名, "updated", { changed: [...changed] });
  }

  for (const add of submission.adds) {
    const next = cleaned(add.next);
    if (taken(add.局区名, next.取組名)) {
      result(add, next.取組名, "failed", { message: `同じ取組名「${next.取組名}」の取組がすでにあります（ほかの方が先に登録した可能性があります）。` });
      continue;
    }
    const record = { 年度: context.yearLabel, 局区名: add.局区名, 取組名: next.取組名, 概要: next.概要, 好事例: next.好事例, 担当者メール: context.email };
    plan.appends.push(REFORMS.toRow(record, values[0]));
    live.push({ 局区名: add.局区名, 取組名: next.取組名 });
    const filled = FIELDS.filter((f) => (f === "好事例" ? next.好事例 : next[f] !== ""));
    for (const field of filled) log(add.局区名, next.取組名, field, "", text(field, next));
    result(add, next.取組名, "added", { changed: [...filled] });
  }
  return plan;
}
