// The 設定 sheet and the access list derived from it, from 局区 and from 担当者.
import { buildAccessList, type AccessList } from "../core/access";
import { BUREAUS } from "../core/contracts/bureaus";
import { DELEGATES } from "../core/contracts/delegates";
import { EMPTY_DIRECTORY, readDirectory, type Directory } from "../core/delegation";
import { SETTINGS } from "../core/contracts/settings";
import { readSettings, type SettingsResult } from "../core/settings";
import { normalizeText } from "../core/base/text";
import { readRecords } from "./table";

const ACCESS_CACHE_KEY = "platina.access.v2";
/** Short enough that a change to 局区 or 設定 takes effect soon even without the edit trigger. */
const ACCESS_CACHE_SECONDS = 300;

export function loadSettings(): SettingsResult {
  return readSettings(readRecords(SETTINGS, [])?.values ?? []);
}

/** Who may see what: cached for a few minutes, as it is read by every listing and save. */
export function loadAccessList(): AccessList {
  const cache = CacheService.getDocumentCache();
  const cached = cache?.get(ACCESS_CACHE_KEY);
  if (cached) return JSON.parse(cached) as AccessList;
  const bureaus = readRecords(BUREAUS, []);
  const complete = bureaus && bureaus.indexOf("局区名") !== undefined && bureaus.indexOf("代表メール") !== undefined;
  const rows = complete ? bureaus.rows.map(({ record }) => ({ name: record.局区名, rep: record.代表メール })) : [];
  const access = buildAccessList(loadSettings().settings.事務局メール, rows, loadDirectory());
  cache?.put(ACCESS_CACHE_KEY, JSON.stringify(access), ACCESS_CACHE_SECONDS);
  return access;
}

/** 担当者 as it stands (one read); no sheet yet, or its addresses' headers missing, lists nobody. */
export function loadDirectory(): Directory {
  const sheet = readRecords(DELEGATES, []);
  return sheet && sheet.indexOf("メール") !== undefined && sheet.indexOf("担当アドレス") !== undefined ? readDirectory(sheet.values) : EMPTY_DIRECTORY;
}

export function forgetAccessList(): void {
  CacheService.getDocumentCache()?.remove(ACCESS_CACHE_KEY);
}

/** True when an edit touched a sheet the access list is built from. */
export function affectsAccess(sheetName: string): boolean {
  const name = normalizeText(sheetName);
  return name === BUREAUS.name || name === SETTINGS.name || name === DELEGATES.name;
}
