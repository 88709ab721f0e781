// 担当の引き継ぎ: one address replaced by another wherever the add-on reads an
// address — 課題's 担当者メール, 局区's 代表メール, PTメンバー's メール and 所属長メール,
// 担当者's メール and 担当アドレス — decided on plain values, so the preview staff
// confirm and the write made under the lock are the same plan.
import { isValidEmail, normalizeEmail, normalizeText } from "./base/text";
import { BUREAUS } from "./contracts/bureaus";
import { DELEGATES } from "./contracts/delegates";
import { ISSUES } from "./contracts/issues";
import { PT_MEMBERS } from "./contracts/pt-members";
import { refuse, type Refusal } from "./outcome";

/** The sheets a transfer reads, by name; a sheet the workbook lacks is null. */
export type TransferSheets = Record<string, unknown[][] | null>;

interface Target {
  sheet: string;
  /** Read with no header required: a sheet lacking a column simply has nothing to change there. */
  contract: { fromRows(values: unknown, required: readonly never[]): { rows: { rowNumber: number; record: unknown }[] } };
  fields: readonly string[];
  /** 履歴's ID of a row: 課題's own ID, else the sheet and what names the row. */
  key(record: Record<string, string>): string;
  /** How the preview and the merge warning name the row. */
  label(record: Record<string, string>): string;
}

const TARGETS = [
  { sheet: ISSUES.name, contract: ISSUES, fields: ["担当者メール"], key: (r) => normalizeText(r.ID), label: (r) => `${normalizeText(r.ID)} ${normalizeText(r.課題名)}` },
  { sheet: BUREAUS.name, contract: BUREAUS, fields: ["代表メール"], key: (r) => `${BUREAUS.name}:${normalizeText(r.局区名)}`, label: (r) => normalizeText(r.局区名) },
  {
    sheet: PT_MEMBERS.name, contract: PT_MEMBERS, fields: ["メール", "所属長メール"],
    key: (r) => `${PT_MEMBERS.name}:${normalizeText(r.年度)}:${normalizeText(r.氏名)}`, label: (r) => `${normalizeText(r.年度)} ${normalizeText(r.氏名)}`,
  },
  {
    sheet: DELEGATES.name, contract: DELEGATES, fields: ["メール", "担当アドレス"],
    key: (r) => `${DELEGATES.name}:${normalizeText(r.氏名)}`, label: (r) => `${normalizeText(r.氏名)}（${normalizeEmail(r.担当アドレス)}）`,
  },
] satisfies readonly Target[];

/** The sheets a transfer reads and writes, in the order it writes them. */
export const TRANSFER_SHEETS: readonly string[] = TARGETS.map((t) => t.sheet);

/** One cell the transfer changes. */
export interface TransferChange {
  sheet: string;
  /** Row number in the sheet (header = 1). */
  rowNumber: number;
  field: string;
  key: string;
  label: string;
  before: string;
  after: string;
}

/** A cell already holding the new address: the transfer would merge the two. */
export interface ExistingUse {
  sheet: string;
  rowNumber: number;
  field: string;
  label: string;
}

export interface TransferPlan {
  from: string;
  to: string;
  changes: TransferChange[];
  existing: ExistingUse[];
  /** 担当者 rows that would name the same person for the same address twice: "12行目と15行目". */
  duplicates: string[];
}

interface ReadRow {
  rowNumber: number;
  record: Record<string, string>;
}

function rowsOf(target: Target, values: unknown[][] | null): ReadRow[] {
  if (!values || values.length === 0) return [];
  const table = target.contract.fromRows(values, []);
  return table.rows.map((row) => ({ rowNumber: row.rowNumber, record: row.record as Record<string, string> }));
}

/** The plan, or why there is none: a malformed new address, the same address twice, an old address found nowhere. */
export function planTransfer(sheets: TransferSheets, fromInput: string, toInput: string): TransferPlan | Refusal<"invalid" | "not_found"> {
  const from = normalizeEmail(fromInput);
  const to = normalizeEmail(toInput);
  if (from === "") return refuse("invalid", "引き継ぐ元のメールアドレスを入力してください。何も変更していません。");
  if (!isValidEmail(to)) {
    return refuse("invalid", `新しいアドレス「${toInput}」はメールアドレスとして正しくありません。「name@city.example」の形で入力し直してください。何も変更していません。`);
  }
  if (from === to) return refuse("invalid", `元のアドレスと新しいアドレスが同じ（${to}）です。何も変更していません。`);
  const changes: TransferChange[] = [];
  const existing: ExistingUse[] = [];
  const pairs = new Map<string, number[]>();
  for (const target of TARGETS) {
    for (const { rowNumber, record } of rowsOf(target, sheets[target.sheet])) {
      for (const field of target.fields) {
        const value = normalizeEmail(record[field]);
        if (value === from) changes.push({ sheet: target.sheet, rowNumber, field, key: target.key(record), label: target.label(record), before: String(record[field] ?? "").trim(), after: to });
        else if (value === to) existing.push({ sheet: target.sheet, rowNumber, field, label: target.label(record) });
      }
      if (target.sheet === DELEGATES.name) {
        // After the transfer: the same person for the same address on two rows.
        const swap = (v: string) => (normalizeEmail(v) === from ? to : normalizeEmail(v));
        const pair = `${swap(record.メール)} ${swap(record.担当アドレス)}`;
        pairs.set(pair, [...(pairs.get(pair) ?? []), rowNumber]);
      }
    }
  }
  if (changes.length === 0) {
    return refuse("not_found", `「${from}」は ${TARGETS.map((t) => t.sheet).join("・")} のどこにも見つかりませんでした。アドレスを確かめてください。何も変更していません。`);
  }
  const changedRows = new Set(changes.filter((c) => c.sheet === DELEGATES.name).map((c) => c.rowNumber));
  const duplicates = [...pairs.values()].filter((rows) => rows.length > 1 && rows.some((r) => changedRows.has(r))).map((rows) => rows.map((r) => `${r}行目`).join("と"));
  return { from, to, changes, existing, duplicates };
}

const PREVIEW_LINES = 40;

/** The question before writing: every row it changes (the first 40, then how many more). */
export function previewText(plan: TransferPlan): string {
  const lines = [`「${plan.from}」を「${plan.to}」に置き換えます。次の ${plan.changes.length}か所を変更し、履歴に記録します。`, ""];
  for (const c of plan.changes.slice(0, PREVIEW_LINES)) lines.push(`・${c.sheet} ${c.rowNumber}行目 ${c.field}：${c.label}`);
  if (plan.changes.length > PREVIEW_LINES) lines.push(`　ほか ${plan.changes.length - PREVIEW_LINES}か所`);
  lines.push("", "よろしいですか？");
  return lines.join("\n");
}

/** The warning before merging into an address already in use, naming where. */
export function mergeWarning(plan: TransferPlan): string {
  const lines = [`【ご注意】新しいアドレス「${plan.to}」は、すでに次の ${plan.existing.length}か所で使われています。`];
  for (const u of plan.existing.slice(0, PREVIEW_LINES)) lines.push(`・${u.sheet} ${u.rowNumber}行目 ${u.field}：${u.label}`);
  if (plan.existing.length > PREVIEW_LINES) lines.push(`　ほか ${plan.existing.length - PREVIEW_LINES}か所`);
  lines.push("", `引き継ぐと「${plan.from}」の課題・役割は「${plan.to}」のものとひとつになり、あとから自動では分けられません。`);
  if (plan.duplicates.length > 0) lines.push(`担当者シートで同じ人・同じアドレスの行が重なります（${plan.duplicates.join("、")}）。不要な行はあとで削除してください。`);
  lines.push("", "このまままとめてよろしいですか？");
  return lines.join("\n");
}

/** Whether the plan made under the lock is the one staff confirmed: the same cells of the same rows (by ID or key). */
export function samePlan(a: TransferPlan, b: TransferPlan): boolean {
  const cells = (p: TransferPlan) => p.changes.map((c) => `${c.sheet}\u0000${c.key}\u0000${c.field}`).sort().join("\n");
  return a.from === b.from && a.to === b.to && cells(a) === cells(b) && a.existing.length === b.existing.length;
}
