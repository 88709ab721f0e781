// The add-on's state outside the sheets, under typed keys: script properties are
// shared by every user and trigger; document properties travel with the spreadsheet.

type Store = "script" | "document";

export interface StateKey<T> {
  store: Store;
  key: string;
  encode(value: T): string;
  decode(text: string): T;
}

const text = (store: Store, key: string): StateKey<string> => ({ store, key, encode: String, decode: String });
const json = <T>(store: Store, key: string): StateKey<T> => ({ store, key, encode: (v) => JSON.stringify(v), decode: (t) => JSON.parse(t) as T });

/** One handler's installed triggers: whose they are, and when a one-off run is due. */
export interface TriggerRecord {
  owner: string;
  kind: "edit" | "change" | "monthly" | "once";
  /** ISO time of a one-off run, or of the recording for the others. */
  at: string;
}

/** The two mailings, each with its own pending cycle and last-run report. */
export type MailingName = "followUp" | "survey" | "ptHours";

export const STATE = {
  /** Signs the personal links in mails; never in a sheet, so cell editors cannot forge links. */
  linkSecret: text("script", "platina.linkSecret"),
  /** The cycle a mailing's one-off continuation trigger will carry on. */
  pendingCycle: (mailing: MailingName) => text("script", `platina.${mailing}.cycle`),
  /** What a mailing's last run did, for the 送信状況 dialog. */
  lastRun: <T>(mailing: MailingName) => json<T>("script", `platina.${mailing}.lastRun`),
  /** The spreadsheet 初期設定 ran in: contexts without an active spreadsheet (the web app) open it by this ID. */
  spreadsheetId: text("script", "platina.spreadsheetId"),
  /**
   * The last time an execution without an active spreadsheet (the web app, run as
   * its deployer) opened it by that ID, and as whom: 動作確認 runs from the menu,
   * where Apps Script does not say who deployed the web app.
   */
  openedById: json<{ by: string; at: string }>("script", "platina.openedById"),
  /**
   * Who installed each handler's triggers. Each account sees and removes only its own
   * triggers (G-inst), so this record is how another account learns they exist.
   */
  triggers: json<Record<string, TriggerRecord>>("script", "platina.triggers"),
  /** A run that must be the only one of its name (a mailing's step) while it lasts, until `until` (ms). */
  runLease: (name: string) => json<{ token: string; until: number }>("script", `platina.${name}.running`),
  /** The highest issue number issued per fiscal-year prefix, so a deleted row's ID is never reused. */
  issuedIds: json<Record<string, number>>("document", "platina.issuedIds"),
} as const;

function properties(store: Store): GoogleAppsScript.Properties.Properties {
  return store === "script" ? PropertiesService.getScriptProperties() : PropertiesService.getDocumentProperties();
}

export function readState<T>(key: StateKey<T>): T | null {
  const stored = properties(key.store).getProperty(key.key);
  return stored === null || stored === "" ? null : key.decode(stored);
}

export function writeState<T>(key: StateKey<T>, value: T): void {
  properties(key.store).setProperty(key.key, key.encode(value));
}

export function clearState(key: StateKey<unknown>): void {
  properties(key.store).deleteProperty(key.key);
}
