// データ点検: every problem in the data, with the cell that holds it, so staff can fix it.
import { columnLetter } from "./a1";
import { parseAudience, parseDirection, parseProgress, isTracked } from "./classes";
import { parseFiscalYear } from "./fiscal-year";
import { isValidEmail } from "./plain-text";
import { readTable, type SheetTable } from "./sheet-table";
import { SHEET } from "./sheets";
import { isBlank, normalizeText } from "./text";

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
  return `${columnLetter(problem.column)}${problem.row}`;
}

export function checkIssues(issueValues: unknown[][], bureauValues: unknown[][] | null): Problem[] {
  const table = readTable(issueValues, SHEET.issues, ["ID", "年度", "整理区分", "進捗分類"]);
  const problems: Problem[] = [];
  const at = (t: SheetTable, rowNumber: number, header: string, value: unknown, message: string) => {
    problems.push({ sheet: t.name, row: rowNumber, column: (t.columns.get(header) ?? 0) + 1, header, value: normalizeText(value), message });
  };
  const cell = (cells: readonly unknown[], header: string) => {
    const index = table.columns.get(header);
    return index === undefined ? "" : cells[index];
  };
  const bureaus = bureauValues ? knownBureaus(bureauValues) : null;
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of table.rows) {
    const id = normalizeText(cell(cells, "ID"));
    if (id === "") at(table, rowNumber, "ID", "", "ID が空です。行を追加したときは ID を入力するか、初期設定を実行して自動採番を有効にしてください。");
    else if (seen.has(id)) at(table, rowNumber, "ID", id, `ID「${id}」が ${seen.get(id)}行目と重複しています。どちらかを別の ID にしてください。`);
    else seen.set(id, rowNumber);

    const year = cell(cells, "年度");
    if (parseFiscalYear(year) === undefined) at(table, rowNumber, "年度", year, `年度「${normalizeText(year)}」を解釈できません。「R8」のように入力してください。`);
    const direction = parseDirection(cell(cells, "整理区分"));
    if (direction === undefined) at(table, rowNumber, "整理区分", cell(cells, "整理区分"), "整理区分は①〜⑦から選ぶか、空欄にしてください。");
    if (table.columns.has("区分")) {
      const audience = cell(cells, "区分");
      if (!isBlank(audience) && parseAudience(audience) === undefined) at(table, rowNumber, "区分", audience, "区分は「ユーザー」か「職員」にしてください。");
    }
    const tracked = direction !== undefined && isTracked(direction);
    if (!tracked) continue;
    const progress = cell(cells, "進捗分類");
    const parsed = parseProgress(progress);
    if (parsed === null) at(table, rowNumber, "進捗分類", "", "継続検討課題の進捗分類が空です。「完了」「実施中」「検討中」から選んでください。");
    else if (parsed === undefined) at(table, rowNumber, "進捗分類", progress, `進捗分類「${normalizeText(progress)}」を解釈できません。「完了」「実施中」「検討中」から選んでください。`);
    if (table.columns.has("担当者メール")) {
      const email = cell(cells, "担当者メール");
      if (isBlank(email)) at(table, rowNumber, "担当者メール", "", "継続検討課題の担当者メールが空です。進捗確認メールの宛先になります。");
      else if (!isValidEmail(email)) at(table, rowNumber, "担当者メール", email, `担当者メール「${normalizeText(email)}」はメールアドレスとして正しくありません。`);
    }
    if (bureaus && table.columns.has("制度所管局")) {
      const bureau = normalizeText(cell(cells, "制度所管局"));
      if (bureau !== "" && !bureaus.has(bureau)) at(table, rowNumber, "制度所管局", bureau, `制度所管局「${bureau}」は局区シートにありません。局区名を確認するか、局区シートに追加してください。`);
    }
  }
  return problems;
}

export function checkReforms(reformValues: unknown[][], bureauValues: unknown[][] | null): Problem[] {
  const table = readTable(reformValues, SHEET.reforms, ["年度", "局区名"]);
  const bureaus = bureauValues ? knownBureaus(bureauValues) : null;
  const problems: Problem[] = [];
  const yearCol = table.columns.get("年度") as number;
  const bureauCol = table.columns.get("局区名") as number;
  for (const { rowNumber, cells } of table.rows) {
    if (parseFiscalYear(cells[yearCol]) == null) {
      problems.push({ sheet: table.name, row: rowNumber, column: yearCol + 1, header: "年度", value: normalizeText(cells[yearCol]), message: "年度が空か、解釈できません。「R7」のように入力してください。" });
    }
    const bureau = normalizeText(cells[bureauCol]);
    if (bureaus && !bureaus.has(bureau)) {
      problems.push({ sheet: table.name, row: rowNumber, column: bureauCol + 1, header: "局区名", value: bureau, message: bureau === "" ? "局区名が空です。" : `局区名「${bureau}」は局区シートにありません。` });
    }
  }
  return problems;
}

function knownBureaus(values: unknown[][]): Set<string> {
  const table = readTable(values, SHEET.bureaus, ["局区名"]);
  const col = table.columns.get("局区名") as number;
  return new Set(table.rows.map((r) => normalizeText(r.cells[col])).filter(Boolean));
}
