// Who can sign in to the workbench: people, never a shared address. In Google
// Workspace a section's address is a group or a shared mailbox nobody signs in as;
// the people 担当者 lists for it act for it. So the switcher offers the secretariat
// (設定 事務局メール), the people listed for each section (課題 担当者メール) and each
// 局区 (代表メール), a person's own address where nobody is listed for it, and the
// selected PT members — each with the issues they answer for. Every sheet is read
// through its contract with no header required: a sheet missing a column offers nobody from it.
import { isValidEmail, normalizeEmail, normalizeText } from "../../../core/base/text";
import { BUREAUS } from "../../../core/contracts/bureaus";
import { DELEGATES } from "../../../core/contracts/delegates";
import { ISSUES } from "../../../core/contracts/issues";
import { PT_MEMBERS } from "../../../core/contracts/pt-members";
import type { Day } from "../../../core/contracts/pt-values";
import { SETTINGS } from "../../../core/contracts/settings";
import { coversDay, peopleFor, readDirectory, type Delegation, type Directory } from "../../../core/delegation";
import { readSettings } from "../../../core/settings";
import type { WorkbookModel } from "../../workbook/model";
import type { SharedAddress, WorkbenchUser } from "../protocol/api-types";

function sheetValues(model: WorkbookModel, name: string): unknown[][] {
  const sheet = model.getSheetByName(name);
  if (!sheet || sheet.getLastRow() === 0) return [];
  return sheet.getValues({ row: 0, column: 0, numRows: sheet.getLastRow(), numColumns: Math.max(1, sheet.getLastColumn()) });
}

const address = (value: unknown) => normalizeEmail(normalizeText(value));

export function secretariatEmails(model: WorkbookModel): string[] {
  return readSettings(sheetValues(model, SETTINGS.name)).settings.事務局メール;
}

/** Every 担当アドレス of 担当者 (a row with a problem too: the address is shared all the same), but the secretariat's. */
function sharedAddresses(model: WorkbookModel, secretariat: readonly string[]): Set<string> {
  const shared = new Set<string>();
  for (const { record } of DELEGATES.fromRows(sheetValues(model, DELEGATES.name), []).rows) {
    const target = address(record.担当アドレス);
    if (isValidEmail(target) && !secretariat.includes(target)) shared.add(target);
  }
  return shared;
}

/** 「代理・2026-03-31 で終了」: a listed person's role, and their period when it does not cover `day`. */
function roleLabel(entry: Delegation, day: Day): string {
  if (coversDay(entry, day)) return entry.role;
  return entry.end !== null && entry.end < day ? `${entry.role}・${entry.end} で終了` : `${entry.role}・${entry.start} から`;
}

interface Place {
  address: string;
  role: WorkbenchUser["role"];
  group: string;
  issues: string[];
}

/** The people of a place: those listed for its address (in 担当者's order, 担当 first), or the address itself when nobody is. */
function peopleOf(place: Place, directory: Directory, shared: Set<string>, day: Day): WorkbenchUser[] {
  const base = { role: place.role, group: place.group, issues: place.issues };
  if (!shared.has(place.address)) return [{ ...base, email: place.address, name: "", label: "本人のアドレス", actsFor: "", lapsed: false }];
  const listed = directory.entries.filter((d) => d.address === place.address);
  const current = peopleFor(place.address, day, directory);
  const ordered = [...current, ...listed.filter((d) => !current.includes(d))];
  return ordered.map((d) => ({ ...base, email: d.person, name: d.name, label: roleLabel(d, day), actsFor: place.address, lapsed: !coversDay(d, day) }));
}

export interface Signable {
  users: WorkbenchUser[];
  shared: SharedAddress[];
}

/** Who may sign in on `day` (the workbench clock's Tokyo day), and the shared addresses nobody signs in as. */
export function workbookUsers(model: WorkbookModel, day: Day): Signable {
  const secretariat = secretariatEmails(model);
  const directory = readDirectory(sheetValues(model, DELEGATES.name));
  const shared = sharedAddresses(model, secretariat);
  const issues = ISSUES.fromRows(sheetValues(model, ISSUES.name), [])
    .rows.map(({ record }) => ({
      id: normalizeText(record.ID),
      bureau: normalizeText(record.制度所管局),
      section: normalizeText(record.所管課),
      owner: address(record.担当者メール),
    }))
    .filter((issue) => issue.id);
  const places: Place[] = [];
  const placeOf = new Map<string, Place>();
  const addPlace = (place: Place) => {
    if (!isValidEmail(place.address) || placeOf.has(`${place.role}\u0000${place.address}`)) return;
    placeOf.set(`${place.role}\u0000${place.address}`, place);
    places.push(place);
  };
  for (const issue of issues) {
    const section = placeOf.get(`担当者\u0000${issue.owner}`);
    if (section) section.issues.push(issue.id);
    else addPlace({ address: issue.owner, role: "担当者", group: [issue.bureau, issue.section].filter(Boolean).join(" ") || issue.owner, issues: [issue.id] });
  }
  for (const { record } of BUREAUS.fromRows(sheetValues(model, BUREAUS.name), []).rows) {
    const bureau = normalizeText(record.局区名);
    addPlace({ address: address(record.代表メール), role: "局区代表", group: bureau, issues: issues.filter((i) => i.bureau === bureau).map((i) => i.id) });
  }
  // Shared addresses of neither (a PT member's 所属長メール…): their people can still sign in.
  for (const other of shared) {
    if (![...placeOf.values()].some((p) => p.address === other)) addPlace({ address: other, role: "担当者", group: other, issues: [] });
  }
  const users: WorkbenchUser[] = secretariat.map((email) => ({
    email, name: "", role: "事務局", group: "市政変革推進室", label: "事務局", issues: [], actsFor: "", lapsed: false,
  }));
  for (const place of places) users.push(...peopleOf(place, directory, shared, day).filter((u) => !secretariat.includes(u.email) || u.actsFor !== ""));
  // 選考 as the add-on reads it (選抜 and 採用 are 選出 too).
  for (const { record } of PT_MEMBERS.fromRows(sheetValues(model, PT_MEMBERS.name), []).rows) {
    const email = address(record.メール);
    if (PT_MEMBERS.fields.選考.parse(record.選考) !== "選出" || !isValidEmail(email) || shared.has(email)) continue;
    users.push({ email, name: normalizeText(record.氏名), role: "PTメンバー", group: "若手職員PT", label: normalizeText(record.チーム), issues: [], actsFor: "", lapsed: false });
  }
  const sharedList: SharedAddress[] = [...shared].map((target) => ({
    address: target,
    group: places.find((p) => p.address === target)?.group ?? target,
    people: peopleFor(target, day, directory).map((d) => ({ email: d.person, name: d.name, role: d.role })),
  }));
  return { users, shared: sharedList };
}

/** Why `email` cannot sign in (a shared address), naming who acts for it; null when it can. */
export function sharedAddressRefusal(email: string, shared: readonly SharedAddress[]): string | null {
  const found = shared.find((s) => s.address === normalizeEmail(email));
  if (!found) return null;
  const people = found.people.map((p) => `${p.name || p.email}（${p.role}）`).join("、");
  return `「${found.address}」は${found.group === found.address ? "" : `${found.group}の`}共有アドレスです。Google Workspace では共有アドレスでログインする人はいないため、ワークベンチでも選べません。` +
    (people ? `担当者シートでこのアドレスを担当している ${people} のだれかを選んでください。` : "担当者シートでこのアドレスを担当している人がいません。事務局に担当者の登録を依頼してください。");
}
