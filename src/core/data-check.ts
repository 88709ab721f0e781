// データ点検: every problem in the data, with the cell that holds it, so staff can fix it.
import { cellA1 } from "./base/a1";
import { TARGETED_SORTINGS, isDirection, isTracked, parseAudience, parseDirection, parseProgress, type Sorting } from "./contracts/classes";
import { BUREAUS } from "./contracts/bureaus";
import { DELEGATES } from "./contracts/delegates";
import { peopleFor, readDirectory } from "./delegation";
import type { RecordTable } from "./contracts/contract";
import { ISSUES } from "./contracts/issues";
import { PT_MEMBERS } from "./contracts/pt-members";
import { REFORMS } from "./contracts/reforms";
import { parseFiscalYear } from "./base/fiscal-year";
import { isBlank, isDateValue, isValidEmail, normalizeEmail, normalizeText } from "./base/text";
import { dayToDate, type Day } from "./contracts/pt-values";
import { formatWareki } from "./wareki";
import { followedTimings } from "./overdue";
import { EXPECT_TIMING, isPast } from "./timing";

export interface Problem {
  sheet: string;
  /** 1-based row and column in the sheet (the data range starts at A1). */
  row: number;
  column: number;
  header: string;
  value: string;
  message: string;
}

export function a1Of(problem: Pick<Problem, "row" | "column">): string {
  return cellA1(problem.row, problem.column);
}

/** Records problems of one table; cells are read as typed (a 年度 may be a date). */
function problemList<F extends string>(table: RecordTable<F, unknown>) {
  const problems: Problem[] = [];
  return {
    problems,
    has: (field: F) => table.indexOf(field) !== undefined,
    cell: (cells: readonly unknown[], field: F) => {
      const index = table.indexOf(field);
      return index === undefined ? "" : cells[index];
    },
    add(rowNumber: number, field: F, value: unknown, message: string) {
      problems.push({ sheet: table.name, row: rowNumber, column: (table.indexOf(field) ?? 0) + 1, header: field, value: normalizeText(value), message });
    },
  };
}

export function checkIssues(issueValues: unknown[][], bureauValues: unknown[][] | null): Problem[] {
  const table = ISSUES.fromRows(issueValues, ["ID", "年度", "整理区分", "進捗分類"]);
  const { problems, has, cell, add } = problemList(table);
  const bureaus = bureauValues ? knownBureaus(bureauValues) : null;
  const seen = new Map<string, number>();
  const sortingById = new Map(table.rows.map(({ cells }) => [normalizeText(cell(cells, "ID")), parseDirection(cell(cells, "整理区分"))]));
  for (const { rowNumber, cells } of table.rows) {
    const id = normalizeText(cell(cells, "ID"));
    if (id === "") add(rowNumber, "ID", "", "ID が空です。行を追加したときは ID を入力するか、初期設定を実行して自動採番を有効にしてください。");
    else if (seen.has(id)) add(rowNumber, "ID", id, `ID「${id}」が ${seen.get(id)}行目と重複しています。どちらかを別の ID にしてください。`);
    else seen.set(id, rowNumber);

    const year = cell(cells, "年度");
    // The 集計 tables leave out (and note) a row whose 年度 they cannot read: blank included.
    const parsedYear = parseFiscalYear(year);
    if (parsedYear === undefined) add(rowNumber, "年度", year, `年度「${normalizeText(year)}」を解釈できません。「R8」のように入力してください。`);
    else if (parsedYear === null) add(rowNumber, "年度", "", "年度が空です。「R8」のように入力してください（集計の表に数えられません）。");
    const direction = parseDirection(cell(cells, "整理区分"));
    if (direction === undefined) add(rowNumber, "整理区分", cell(cells, "整理区分"), "整理区分は①〜⑦・継続・年度内完了から選ぶか、空欄（未整理）にしてください。");
    const target = normalizeText(cell(cells, "統合先ID"));
    if (target !== "") {
      const problem = target === id ? "統合先IDにこの課題自身の ID は入力できません。統合先・解決策を実行している別課題の ID にしてください。" : targetProblem(target, direction, sortingById);
      if (problem) add(rowNumber, "統合先ID", target, problem);
    }
    if (has("区分")) {
      const audience = cell(cells, "区分");
      if (!isBlank(audience) && parseAudience(audience) === undefined) add(rowNumber, "区分", audience, "区分は「ユーザー」か「職員」にしてください。");
      else if (isBlank(audience) && isDirection(direction)) add(rowNumber, "区分", "", "整理区分①〜⑦の課題の区分が空です。「ユーザー」か「職員」を選んでください（集計の表に数えられません）。");
    }
    const tracked = direction !== undefined && isTracked(direction);
    if (tracked) {
      const progress = cell(cells, "進捗分類");
      const parsed = parseProgress(progress);
      if (parsed === null) add(rowNumber, "進捗分類", "", "継続検討課題の進捗分類が空です。「完了」「実施中」「検討中」から選んでください。");
      else if (parsed === undefined) add(rowNumber, "進捗分類", progress, `進捗分類「${normalizeText(progress)}」を解釈できません。「完了」「実施中」「検討中」から選んでください。`);
    }
    // Any row's address: a ⑥ issue is asked too in the months 設定 names.
    if (has("担当者メール")) {
      const email = cell(cells, "担当者メール");
      if (isBlank(email)) {
        if (tracked) add(rowNumber, "担当者メール", "", "継続検討課題の担当者メールが空です。進捗確認メールの宛先になります。");
      } else if (!isValidEmail(email)) add(rowNumber, "担当者メール", email, notAnAddress("担当者メール", email, "進捗確認メール"));
    }
    if (!tracked) continue;
    if (bureaus && has("制度所管局")) {
      const bureau = normalizeText(cell(cells, "制度所管局"));
      if (bureau !== "" && !bureaus.has(bureau)) add(rowNumber, "制度所管局", bureau, `制度所管局「${bureau}」は局区シートにありません。局区名を確認するか、局区シートに追加してください。`);
    }
  }
  return problems;
}

/** What is wrong with a 統合先ID typed in the sheet (the sidebar refuses the same), or null. */
function targetProblem(target: string, direction: Sorting | null | undefined, sortingById: ReadonlyMap<string, Sorting | null | undefined>): string | null {
  if (direction === null || (direction !== undefined && !TARGETED_SORTINGS.includes(direction))) return "統合先IDは整理区分②・③の課題だけに入力します。整理区分を確かめるか、統合先IDを空欄にしてください。";
  if (!sortingById.has(target)) return `統合先ID「${target}」の課題は課題シートにありません。ID を確認してください。`;
  if (sortingById.get(target) === "②") return `統合先ID「${target}」の課題は、それ自体がほかの課題に統合されています（整理区分②）。その統合先の課題の ID にしてください。`;
  return null;
}

export function checkReforms(reformValues: unknown[][], bureauValues: unknown[][] | null): Problem[] {
  const table = REFORMS.fromRows(reformValues, ["年度", "局区名"]);
  const { problems, cell, add } = problemList(table);
  const bureaus = bureauValues ? knownBureaus(bureauValues) : null;
  for (const { rowNumber, cells } of table.rows) {
    const year = cell(cells, "年度");
    if (parseFiscalYear(year) == null) add(rowNumber, "年度", year, "年度が空か、解釈できません。「R7」のように入力してください。");
    const bureau = normalizeText(cell(cells, "局区名"));
    if (bureaus && !bureaus.has(bureau)) add(rowNumber, "局区名", bureau, bureau === "" ? "局区名が空です。" : `局区名「${bureau}」は局区シートにありません。`);
  }
  return problems;
}

/**
 * 実施時期 of the followed issues that cannot be read: overdue detection passes them by
 * (and nothing else minds them), so the secretariat learns which to rewrite.
 */
export function checkTimings(issueValues: unknown[][]): Problem[] {
  return followedTimings(issueValues).filter((f) => f.timing.kind === "unreadable").map((f) => ({
    sheet: ISSUES.name, row: f.rowNumber, column: f.column, header: "実施時期", value: normalizeText(f.value),
    message: `実施時期「${normalizeText(f.value)}」から年月を読み取れません。${EXPECT_TIMING}。読み取れるまで、実施時期を過ぎてもお知らせできません（集計やメールはこのままでも動きます）。`,
  }));
}

export interface OverdueIssue extends Omit<Problem, "message"> {
  id: string;
  title: string;
  /** The period read from 実施時期, in 和暦 (「令和8年4月」). */
  named: string;
  progress: string;
}

/** Followed issues whose 実施時期 ended before `asOf`, each pointing at its 実施時期 cell. */
export function overdueIssues(issueValues: unknown[][], asOf: Day): OverdueIssue[] {
  return followedTimings(issueValues).flatMap((f) => {
    if (f.timing.kind !== "due" || !isPast(f.timing, asOf)) return [];
    return [{
      sheet: ISSUES.name, row: f.rowNumber, column: f.column, header: "実施時期", value: isDateValue(f.value) ? f.timing.named : normalizeText(f.value),
      id: f.id, title: f.title, named: f.timing.named, progress: f.progress ?? "未設定",
    }];
  });
}

/** 局区's 代表メール: where 各局区への取組照会 goes (a blank one is listed by the send itself). */
export function checkBureaus(bureauValues: unknown[][]): Problem[] {
  return addressProblems(BUREAUS.fromRows(bureauValues, []), ["代表メール"], "各局区への取組照会");
}

/** PTメンバー's addresses: 所属長メール gets the monthly はみだせサポート summary, メール signs the member in. */
export function checkPtMembers(memberValues: unknown[][]): Problem[] {
  return addressProblems(PT_MEMBERS.fromRows(memberValues, []), ["メール", "所属長メール"], "若手職員PTの連絡");
}

/** Each filled cell of `fields` that is not an address; blank cells are left to the sheets' own rules. */
function addressProblems<F extends string>(table: RecordTable<F, unknown>, fields: F[], use: string): Problem[] {
  const { problems, has, cell, add } = problemList(table);
  for (const { rowNumber, cells } of table.rows) {
    for (const field of fields) {
      const value = cell(cells, field);
      if (has(field) && !isBlank(value) && !isValidEmail(value)) add(rowNumber, field, value, notAnAddress(field, value, use));
    }
  }
  return problems;
}

/** A cell holding an address the add-on mails: 課題's 担当者メール, 局区's 代表メール, PTメンバー's 所属長メール. */
export interface AddressUse {
  sheet: string;
  row: number;
  column: number;
  header: string;
  address: string;
}

/** Where `fields` of a sheet hold addresses (header row first), for checkDelegates. */
export function addressUses<F extends string>(table: RecordTable<F, unknown>, fields: F[]): AddressUse[] {
  return table.rows.flatMap(({ rowNumber, cells }) => fields.flatMap((field) => {
    const index = table.indexOf(field);
    const address = index === undefined ? "" : normalizeEmail(cells[index]);
    return isValidEmail(address) ? [{ sheet: table.name, row: rowNumber, column: (index as number) + 1, header: field, address }] : [];
  }));
}

/**
 * 担当者: each row that lets nobody act until fixed — an address that is not one, an
 * 終了日 before the 開始日, an unreadable date or role — and each address the add-on
 * mails (`uses`) that 担当者 names but lists nobody for on `day` (every period ended or
 * not begun, or its only rows unusable). Mail still goes to every address: a section
 * with nobody listed can be answered for only by the secretariat until it is fixed.
 */
export function checkDelegates(delegateValues: unknown[][], uses: readonly AddressUse[], day: Day): Problem[] {
  const table = DELEGATES.fromRows(delegateValues, []);
  if (table.indexOf("メール") === undefined || table.indexOf("担当アドレス") === undefined) return [];
  const directory = readDirectory(delegateValues);
  const problems: Problem[] = directory.problems.map((p) => ({
    sheet: DELEGATES.name, row: p.rowNumber, column: (table.indexOf(p.column as keyof typeof DELEGATES.fields & string) ?? 0) + 1,
    header: p.column, value: p.value, message: `${p.message}直すまで、この行の人はこのアドレスの課題に回答できません（ほかの行とメールの送信には影響しません）。`,
  }));
  const addressColumn = table.indexOf("担当アドレス") as number;
  const named = new Set(table.rows.map((r) => normalizeEmail(r.cells[addressColumn])).filter(isValidEmail));
  const reported = new Set<string>();
  for (const use of uses) {
    if (reported.has(use.address) || !named.has(use.address) || peopleFor(use.address, day, directory).length > 0) continue;
    reported.add(use.address);
    const rows = table.rows.filter((r) => normalizeEmail(r.cells[addressColumn]) === use.address);
    const ended = directory.entries.filter((d) => d.address === use.address);
    const last = ended.length ? `（登録はありますが、${ended.map((d) => `${d.name || d.person}の期間${d.end ? `は${formatWareki(dayToDate(d.end))}まで` : `は${formatWareki(dayToDate(d.start as Day))}から`}`).join("、")}）` : "（登録の行に直すべき値があります）";
    problems.push({
      sheet: use.sheet, row: use.row, column: use.column, header: use.header, value: use.address,
      message: `${use.header}「${use.address}」を今日担当する人が、担当者シート（${rows.map((r) => `${r.rowNumber}行目`).join("・")}）にいません${last}。` +
        "担当者シートにこのアドレスの担当か代理を追加してください。メールはこのまま送られますが、追加するまでリンクから回答できるのは市政変革推進室だけです。",
    });
  }
  return problems;
}

function notAnAddress(field: string, value: unknown, use: string): string {
  return `${field}「${normalizeText(value)}」はメールアドレスではありません。「name@city.example」の形で入力してください（${use}の宛先になります）。`;
}

function knownBureaus(values: unknown[][]): Set<string> {
  return new Set(BUREAUS.fromRows(values, ["局区名"]).rows.map((r) => normalizeText(r.record.局区名)).filter(Boolean));
}
