// The 設定 sheet and the access list derived from it and from 局区.
import { buildAccessList, type AccessList } from "../core/access";
import { readSettings, type SettingsResult } from "../core/settings";
import { SHEET } from "../core/sheets";
import { normalizeText } from "../core/text";
import { readSheet } from "./sheet-table";

const ACCESS_CACHE_KEY = "platina.access.v1";
/** Short enough that a change to 局区 or 設定 takes effect soon even without the edit trigger. */
const ACCESS_CACHE_SECONDS = 300;

export function loadSettings(): SettingsResult {
  return readSettings(readSheet(SHEET.settings)?.values ?? []);
}

/** Who may see what: cached for a few minutes, as it is read by every listing and save. */
export function loadAccessList(): AccessList {
  const cache = CacheService.getDocumentCache();
  const cached = cache?.get(ACCESS_CACHE_KEY);
  if (cached) return JSON.parse(cached) as AccessList;
  const bureaus = readSheet(SHEET.bureaus);
  const rows: { name: unknown; rep: unknown }[] = [];
  if (bureaus) {
    const name = bureaus.columns.get("局区名");
    const rep = bureaus.columns.get("代表メール");
    if (name !== undefined && rep !== undefined) {
      for (const row of bureaus.values.slice(1)) rows.push({ name: row[name], rep: row[rep] });
    }
  }
  const access = buildAccessList(loadSettings().settings.事務局メール, rows);
  cache?.put(ACCESS_CACHE_KEY, JSON.stringify(access), ACCESS_CACHE_SECONDS);
  return access;
}

export function forgetAccessList(): void {
  CacheService.getDocumentCache()?.remove(ACCESS_CACHE_KEY);
}

/** True when an edit touched a sheet the access list is built from. */
export function affectsAccess(sheetName: string): boolean {
  const name = normalizeText(sheetName);
  return name === SHEET.bureaus || name === SHEET.settings;
}
