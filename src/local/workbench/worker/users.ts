// Who can sign in to the workbench: the addresses the workbook itself names —
// the secretariat (設定 事務局メール), each 局区's representative (代表メール) and
// each issue's owner (課題 担当者メール) and each selected PT member (PTメンバー) — in that order, each once, with
// the issues each answers for, so the switcher says who sees what. Sheets are read
// through their contracts with no header required: a sheet missing a column offers nobody from it.
import { normalizeEmail, isValidEmail, normalizeText } from "../../../core/base/text";
import { BUREAUS } from "../../../core/contracts/bureaus";
import { ISSUES } from "../../../core/contracts/issues";
import { PT_MEMBERS } from "../../../core/contracts/pt-members";
import { SETTINGS } from "../../../core/contracts/settings";
import { readSettings } from "../../../core/settings";
import type { WorkbookModel } from "../../workbook/model";
import type { WorkbenchUser } from "../protocol/api-types";

function sheetValues(model: WorkbookModel, name: string): unknown[][] {
  const sheet = model.getSheetByName(name);
  if (!sheet || sheet.getLastRow() === 0) return [];
  return sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: Math.max(1, sheet.getLastColumn()) });
}

export function secretariatEmails(model: WorkbookModel): string[] {
  return readSettings(sheetValues(model, SETTINGS.name)).settings.事務局メール;
}

function groupIds<R extends { id: string }>(rows: R[], key: (row: R) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row.id]);
  return groups;
}

export function workbookUsers(model: WorkbookModel): WorkbenchUser[] {
  const users = new Map<string, WorkbenchUser>();
  const add = (email: string, role: WorkbenchUser["role"], label: string, issues: string[]) => {
    const address = normalizeEmail(normalizeText(email));
    if (isValidEmail(address) && !users.has(address)) users.set(address, { email: address, role, label, issues });
  };
  const issues = ISSUES.fromRows(sheetValues(model, ISSUES.name), [])
    .rows.map(({ record }) => ({
      id: normalizeText(record.ID),
      bureau: normalizeText(record.制度所管局),
      section: normalizeText(record.所管課),
      owner: normalizeEmail(normalizeText(record.担当者メール)),
    }))
    .filter((issue) => issue.id);
  const byBureau = groupIds(issues, (issue) => issue.bureau);
  const byOwner = groupIds(issues, (issue) => issue.owner);
  for (const email of secretariatEmails(model)) add(email, "事務局", "市政変革推進室", []);
  for (const { record } of BUREAUS.fromRows(sheetValues(model, BUREAUS.name), []).rows) {
    const bureau = normalizeText(record.局区名);
    add(record.代表メール, "局区代表", bureau, byBureau.get(bureau) ?? []);
  }
  for (const issue of issues) add(issue.owner, "担当者", [issue.bureau, issue.section].filter(Boolean).join(" "), byOwner.get(issue.owner) ?? []);
  // 選考 as the add-on reads it (選抜 and 採用 are 選出 too).
  for (const { record } of PT_MEMBERS.fromRows(sheetValues(model, PT_MEMBERS.name), []).rows) {
    if (PT_MEMBERS.fields.選考.parse(record.選考) !== "選出") continue;
    add(record.メール, "PTメンバー", [record.チーム, record.氏名].map(normalizeText).filter(Boolean).join(" "), []);
  }
  return [...users.values()];
}
