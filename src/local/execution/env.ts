// What every offline service is given: the execution's identity, clock and the
// runtime state that Sheets keeps outside cells (persisted in the sidecar JSON).
import type { AuthModeName, ContextRules, ExecutionContext } from "./contexts";

/** Injectable time source. `sleep` blocks (real clock) or advances (fake clock). */
export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  /** CLOCK for time-driven, ON_EDIT / ON_OPEN / ON_CHANGE / ON_FORM_SUBMIT for spreadsheet triggers. */
  eventType: "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE" | "ON_FORM_SUBMIT";
  source: "CLOCK" | "SPREADSHEETS";
  sourceId: string | null;
  /** Creator's email: installable triggers run as their creator. */
  owner: string;
  /** Time-driven schedule; null for spreadsheet triggers. */
  schedule: TriggerSchedule | null;
  /** Epoch ms of the next firing (time-driven only); null once a one-off trigger has fired. */
  nextRun: number | null;
  createdAt: number;
}

/**
 * `nearMinute`: the minute past `atHour` the trigger fires at, drawn when it is created —
 * Apps Script runs an atHour trigger at a random minute of that hour, or within 15 minutes
 * of nearMinute() (R-clock) — and kept, so it fires then every time; null fires on the hour.
 */
export type TriggerSchedule =
  | { kind: "once"; at: number }
  | { kind: "everyMinutes"; minutes: number }
  | { kind: "everyHours"; hours: number }
  | { kind: "everyDays"; days: number; atHour: number | null; nearMinute: number | null }
  | { kind: "everyWeeks"; weeks: number; weekDay: number | null; atHour: number | null; nearMinute: number | null }
  | { kind: "monthly"; monthDay: number; atHour: number | null; nearMinute: number | null };

export interface ProtectionRecord {
  id: string;
  type: "RANGE" | "SHEET";
  sheet: string;
  /** A1 range within the sheet, or null for a whole-sheet protection. */
  range: string | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: string[];
}

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

export interface RuntimeState {
  scriptProperties: Record<string, string>;
  documentProperties: Record<string, string>;
  userProperties: Record<string, Record<string, string>>;
  cache: {
    script: Record<string, CacheEntry>;
    document: Record<string, CacheEntry>;
    user: Record<string, Record<string, CacheEntry>>;
  };
  triggers: TriggerRecord[];
  protections: ProtectionRecord[];
  /**
   * Mail quota in recipients (1,500: a Workspace account; a consumer one has 100), for the
   * 24 hours from the send that opened the window (`since`, epoch ms; null before it).
   */
  mail: { since: number | null; recipientsUsed: number; dailyQuota: number };
  /** Each trigger owner's total trigger runtime in the 24 hours from `since`, against `dailyLimitMs` (Workspace: 6 h). */
  triggerRuntime: { dailyLimitMs: number; users: Record<string, { since: number | null; usedMs: number }> };
  /** The versioned deployment's /exec URL (or only a head deployment's /dev URL), or null when not deployed. */
  webAppUrl: string | null;
  /** The spreadsheet's ID (Spreadsheet.getId(), SpreadsheetApp.openById), made once and kept. */
  spreadsheetId: string | null;
}

export function emptyState(): RuntimeState {
  return {
    scriptProperties: {},
    documentProperties: {},
    userProperties: {},
    cache: { script: {}, document: {}, user: {} },
    triggers: [],
    protections: [],
    mail: { since: null, recipientsUsed: 0, dailyQuota: 1500 },
    triggerRuntime: { dailyLimitMs: 6 * 60 * 60 * 1000, users: {} },
    webAppUrl: null,
    spreadsheetId: null,
  };
}

/** One execution's view of the world, shared by every service constructed for it. */
export interface ExecutionEnv {
  clock: Clock;
  /** Where the runtime's random choices come from (a time trigger's minute); tests seed it. Default: Math.random. */
  random?: () => number;
  /** Script time zone from appsscript.json (Asia/Tokyo). */
  timeZone: string;
  /** How the execution was started; `rules` is what that allows, the fields below repeat its identities. */
  context: ExecutionContext;
  rules: ContextRules;
  activeUser: string;
  effectiveUser: string;
  authMode: AuthModeName;
  state: RuntimeState;
  /** Logger output (goes to stderr in the CLI). */
  log(message: string): void;
  /** The open spreadsheet's UI, or null in triggers, web apps and the CLI without one. */
  ui: UiHost | null;
}

export type ButtonName = "OK" | "CANCEL" | "YES" | "NO" | "CLOSE";
export type ButtonSetName = "OK" | "OK_CANCEL" | "YES_NO" | "YES_NO_CANCEL";

export interface MenuItemSpec {
  caption: string;
  /** Entry point name; absent for separators and submenus. */
  functionName?: string;
  separator?: boolean;
  submenu?: MenuSpec;
}
export interface MenuSpec {
  caption: string;
  items: MenuItemSpec[];
  /** True for createAddonMenu(): shown under 拡張機能 as the add-on's menu. */
  addon: boolean;
}

/**
 * Where Ui calls go: the CLI prints them, the workbench shows them in the page.
 * alert and prompt block the execution until answered, as in Sheets.
 */
export interface UiHost {
  alert(title: string | null, prompt: string, buttons: ButtonSetName): ButtonName;
  prompt(title: string | null, prompt: string, buttons: ButtonSetName): { button: ButtonName; text: string };
  showSidebar(html: string, title: string): void;
  showDialog(html: string, title: string, width: number, height: number, modal: boolean): void;
  toast(message: string, title: string, timeoutSeconds: number): void;
  addMenu(menu: MenuSpec): void;
}
