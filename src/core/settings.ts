// The 設定 sheet: one row per setting (項目, 値, 説明). Blank values fall back to
// defaults, except where the description tells staff a blank means "none".
import { columnLetter } from "./base/a1";
import { SETTINGS } from "./contracts/settings";
import { isValidEmail, normalizeEmail, normalizeText } from "./base/text";

export interface Settings {
  事務局メール: string[];
  送信日: number;
  送信時刻: number;
  回答期限: number;
  再依頼: number;
  差出人名: string;
  返信先: string;
  /** Months (1–12) in which ⑥ issues (所管課で継続検討) are asked too. */
  "⑥の照会月": number[];
  /** Scheduled working hours a month: the はみだせサポート limit is HAMIDASE_PERCENT of it. */
  "所定労働時間/月": number;
  /** 督促: after the deadline, mail each 局区代表 whose sections have not answered (once per cycle). */
  督促: boolean;
  /** Days after the 回答期限 day on which the 督促 goes out, at 送信時刻. */
  督促日: number;
}

/** はみだせサポート制度: PT members may spend up to this share of their scheduled hours on the PT. */
export const HAMIDASE_PERCENT = 20;
export const DEFAULT_SCHEDULED_HOURS = 155;

/** 所定労働時間/月: hours in (0, 300]; blank gives the default, undefined when unreadable. */
export function parseScheduledHours(value: unknown): number | undefined {
  const text = normalizeText(value);
  if (text === "") return DEFAULT_SCHEDULED_HOURS;
  const hours = Number(text);
  return Number.isFinite(hours) && hours > 0 && hours <= 300 ? hours : undefined;
}

interface SettingSpec {
  key: keyof Settings;
  default: string;
  description: string;
  /** What a blank value means, when not the default (the description says so). */
  blank?: Settings[keyof Settings];
  parse(text: string): Settings[keyof Settings] | undefined;
}

function integer(min: number, max: number) {
  return (text: string) => {
    const n = Number(text);
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };
}

/** する／しない (also はい/いいえ, ON/OFF, TRUE/FALSE, ○/×) for a switch of 設定. */
export function parseSwitch(text: string): boolean | undefined {
  const t = text.toUpperCase();
  if (["する", "はい", "ON", "TRUE", "○", "有効"].includes(t)) return true;
  if (["しない", "いいえ", "OFF", "FALSE", "×", "無効"].includes(t)) return false;
  return undefined;
}

function list(text: string): string[] {
  return text.split(/[,、\s]+/).map((s) => s.trim()).filter(Boolean);
}

export const SETTING_SPECS: readonly SettingSpec[] = [
  {
    key: "事務局メール", default: "", description: "市政変革推進室のメールアドレス（複数はカンマ区切り）。全件の閲覧・更新と回答状況のまとめ送付先",
    parse: (t) => { const emails = list(t).map(normalizeEmail); return emails.every(isValidEmail) ? emails : undefined; },
  },
  { key: "送信日", default: "1", description: "毎月の進捗確認メールを送る日（1〜28）", parse: integer(1, 28) },
  { key: "送信時刻", default: "9", description: "送信する時刻（0〜23時）", parse: integer(0, 23) },
  // Under a month, so a cycle's reminder and digest come before the next month's requests.
  { key: "回答期限", default: "10", description: "送信日から回答期限までの日数（1〜25）", parse: integer(1, 25) },
  { key: "再依頼", default: "7", description: "未回答の方へ再依頼を送るまでの日数（回答期限より短く）", parse: integer(1, 24) },
  { key: "差出人名", default: "市政変革推進室", description: "メールの差出人名と署名", parse: (t) => t || undefined },
  { key: "返信先", default: "", description: "返信先メールアドレス（空欄なら送信者）", parse: (t) => (t === "" || isValidEmail(t) ? normalizeEmail(t) : undefined) },
  {
    key: "⑥の照会月", default: "5,11", description: "整理区分⑥（所管課で継続検討）の課題も照会する月（カンマ区切り、空欄なら照会しない）", blank: [],
    parse: (t) => { const months = list(t).map(Number); return months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12) ? months : undefined; },
  },
  {
    key: "所定労働時間/月", default: String(DEFAULT_SCHEDULED_HOURS),
    description: `1か月の所定労働時間（時間）。PT活動の上限はこの${HAMIDASE_PERCENT}%（はみだせサポート制度）`,
    parse: parseScheduledHours,
  },
  // Off unless the secretariat turns it on: it mails the bureaus' representatives about their sections.
  { key: "督促", default: "しない", description: "回答期限を過ぎても未回答の所管課があるとき、局区の代表メールへ督促メールを送るか（する／しない）。送るときは回答状況のまとめも督促のあとに送ります", parse: parseSwitch },
  { key: "督促日", default: "1", description: "回答期限の何日後の送信時刻に督促するか（1〜7。1なら回答期限の翌日）", parse: integer(1, 7) },
];

/** The 設定 row the はみだせサポート limit is read from. */
export const SCHEDULED_HOURS_SETTING = SETTING_SPECS.find((s) => s.key === "所定労働時間/月") as SettingSpec;

/** Days from 送信日 by which a cycle's 督促 is out: before the next month's 送信日 (28 days at least). */
const LAST_ESCALATION_DAY = 27;

export interface SettingsResult {
  settings: Settings;
  /** Japanese messages naming the sheet, row, column and value of each unreadable setting (its default is used). */
  errors: string[];
}

/** Reads 設定 values (header row included); without 項目 and 値 headers every setting takes its default. */
export function readSettings(values: unknown[][]): SettingsResult {
  const table = SETTINGS.fromRows(values, []);
  const valueColumn = table.indexOf("値");
  const raw = new Map<string, { text: string; row: number }>();
  if (table.indexOf("項目") !== undefined && valueColumn !== undefined) {
    for (const { record, rowNumber } of table.rows) raw.set(normalizeText(record.項目), { text: normalizeText(record.値), row: rowNumber });
  }
  const where = (row: number) => `${SETTINGS.name} ${row}行目 ${columnLetter((valueColumn ?? 0) + 1)}列`;
  const settings = {} as Record<string, unknown>;
  const errors: string[] = [];
  for (const spec of SETTING_SPECS) {
    const given = raw.get(normalizeText(spec.key));
    if (given && given.text === "" && spec.blank !== undefined) {
      settings[spec.key] = spec.blank;
      continue;
    }
    const parsed = given && given.text !== "" ? spec.parse(given.text) : undefined;
    if (given && given.text !== "" && parsed === undefined) {
      errors.push(`${where(given.row)}: ${spec.key}「${given.text}」を解釈できません（${spec.description}）。既定値「${spec.default}」を使います。`);
    }
    settings[spec.key] = parsed ?? spec.parse(spec.default);
  }
  const result = settings as unknown as Settings;
  // A reminder on or after the deadline day would ask for an answer no longer taken.
  if (result.再依頼 >= result.回答期限) {
    const fallback = Math.max(1, result.回答期限 - 1);
    const row = raw.get("再依頼")?.row ?? raw.get("回答期限")?.row;
    errors.push(
      `${row === undefined ? SETTINGS.name : where(row)}: 再依頼「${result.再依頼}」日が回答期限「${result.回答期限}」日より短くありません。` +
        `再依頼は回答期限より短い日数にしてください。${fallback}日を使います。`,
    );
    result.再依頼 = fallback;
  }
  // The 督促 must go out before next month's requests: a mailing carries one pending cycle at a time.
  if (result.回答期限 + result.督促日 > LAST_ESCALATION_DAY) {
    const fallback = Math.max(1, LAST_ESCALATION_DAY - result.回答期限);
    const row = raw.get("督促日")?.row ?? raw.get("回答期限")?.row;
    errors.push(
      `${row === undefined ? SETTINGS.name : where(row)}: 回答期限「${result.回答期限}」日と督促日「${result.督促日}」日の合計が${LAST_ESCALATION_DAY}日を超えます。` +
        `督促が翌月の依頼より後になるため、${fallback}日を使います。`,
    );
    result.督促日 = fallback;
  }
  return { settings: result, errors };
}
