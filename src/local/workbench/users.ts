// Who can sign in to the workbench: the addresses the workbook itself names —
// the secretariat (設定 事務局メール), each 局区's representative (代表メール) and
// each issue's owner (課題 担当者メール) and each selected PT member (PTメンバー) — in that order, each once, with
// the issues each answers for, so the switcher says who sees what.
import { normalizeEmail, isValidEmail } from "../../core/base/text";
import { PT_MEMBERS } from "../../core/contracts/pt-members";
import { readSettings } from "../../core/settings";
import { BUREAUS } from "../../core/contracts/bureaus";
import { ISSUES } from "../../core/contracts/issues";
import { SETTINGS } from "../../core/contracts/settings";
import { normalizeText } from "../../core/base/text";
import type { WorkbookModel } from "../workbook/model";
import type { WorkbenchUser } from "./api-types";

function sheetValues(model: WorkbookModel, name: string): unknown[][] {
  const sheet = model.getSheetByName(name);
  if (!sheet || sheet.getLastRow() === 0) return [];
  return sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: Math.max(1, sheet.getLastColumn()) });
}

/** Rows as header → cell text maps (the header row itself left out). */
function records(model: WorkbookModel, name: string): Map<string, string>[] {
  const [header = [], ...rows] = sheetValues(model, name);
  const names = header.map(normalizeText);
  return rows.map((row) => new Map(names.map((h, i) => [h, normalizeText(row[i])])));
}

export function secretariatEmails(model: WorkbookModel): string[] {
  return readSettings(sheetValues(model, SETTINGS.name)).settings.事務局メール;
}

function groupIds(rows: Map<string, string>[], key: (row: Map<string, string>) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row.get("ID")!]);
  return groups;
}

export function workbookUsers(model: WorkbookModel): WorkbenchUser[] {
  const users = new Map<string, WorkbenchUser>();
  const add = (email: string, role: WorkbenchUser["role"], label: string, issues: string[]) => {
    const address = normalizeEmail(email);
    if (isValidEmail(address) && !users.has(address)) users.set(address, { email: address, role, label, issues });
  };
  const issues = records(model, ISSUES.name).filter((row) => row.get("ID"));
  const byBureau = groupIds(issues, (row) => row.get("制度所管局") ?? "");
  const byOwner = groupIds(issues, (row) => normalizeEmail(row.get("担当者メール") ?? ""));
  for (const email of secretariatEmails(model)) add(email, "事務局", "市政変革推進室", []);
  for (const row of records(model, BUREAUS.name)) {
    const bureau = row.get("局区名") ?? "";
    add(row.get("代表メール") ?? "", "局区代表", bureau, byBureau.get(bureau) ?? []);
  }
  for (const row of issues) {
    const owner = normalizeEmail(row.get("担当者メール") ?? "");
    add(owner, "担当者", [row.get("制度所管局"), row.get("所管課")].filter(Boolean).join(" "), byOwner.get(owner) ?? []);
  }
  for (const row of records(model, PT_MEMBERS.name)) {
    if (row.get("選考") === "選出") add(row.get("メール") ?? "", "PTメンバー", [row.get("チーム"), row.get("氏名")].filter(Boolean).join(" "), []);
  }
  return [...users.values()];
}
