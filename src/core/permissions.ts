// Who may call each entry point, in one table: src/features/guard.ts enforces it
// for every export of src/entry-points.ts, and a test fails when an entry point
// is missing here. Add a line for each new entry point.
import { isSecretariat, type AccessList } from "./access";

export type Permission =
  /** Any signed-in or anonymous user: nothing secret is shown, nothing is changed for others. */
  | "anyone"
  /**
   * A signed-in user; each record is then checked in the write path by the act-for rule (core/delegation.ts:
   * the address itself, a person 担当者 lists for it that day, or the secretariat): an issue (acting for its
   * owner's address or its bureau's 代表メール), a PT team's rows (acting for a selected member of that team
   * and 年度). The record names the person, and the address acted for.
   */
  | "issue"
  /** 設定's 事務局メール only. */
  | "secretariat"
  /** The secretariat; on a workbook whose 設定 names no secretariat yet, any signed-in user (first setup). */
  | "setup"
  /** Sheets calls it with cell values only; no services, no user. */
  | "custom function"
  /** Run by its installable trigger (the event names a trigger of the account running it); by hand, the secretariat only. */
  | "trigger"
  /**
   * The web app: the signed link (HMAC token) names the address; the form itself lets in whoever may act
   * for it that day by the act-for rule, and refuses anyone else signed in (a visitor Apps Script names no
   * one for answers on the link alone, recorded as 不明).
   */
  | "web link";

export const PERMISSIONS = {
  PLATINA_STATUS_TABLE: "custom function",
  PLATINA_FOLLOWUP_COUNT: "custom function",
  PLATINA_OVERDUE_COUNT: "custom function",
  PLATINA_DIRECTION_TABLE: "custom function",
  PLATINA_BUREAU_TABLE: "custom function",
  PLATINA_SKIPPED_ROWS: "custom function",
  PLATINA_FISCAL_YEAR: "custom function",
  PLATINA_WAREKI: "custom function",
  PLATINA_PT_TABLE: "custom function",
  PLATINA_YEAR_END_TABLE: "custom function",
  PLATINA_GROUP_TABLE: "custom function",
  onOpen: "anyone",
  onInstall: "anyone",
  openStatusSidebar: "anyone",
  getSidebarContext: "anyone",
  checkData: "anyone",
  listDataProblems: "anyone",
  selectCell: "anyone",
  /** A member sees their own team, the secretariat every team, anyone else nothing. */
  getPtContext: "anyone",
  getMyIssues: "issue",
  getIssueHistory: "issue",
  saveIssueUpdate: "issue",
  getUnsortedIssues: "secretariat",
  sortIssue: "secretariat",
  savePtActivity: "issue",
  updatePtStep: "issue",
  updatePtTeam: "issue",
  setupWorkbook: "setup",
  showFollowUpStatus: "secretariat",
  sendFollowUpNow: "secretariat",
  sendFollowUpPreview: "secretariat",
  installFollowUpTrigger: "secretariat",
  sendBureauSurvey: "secretariat",
  createProgressReport: "secretariat",
  showProgressReportPrint: "secretariat",
  openProgressReportSheet: "secretariat",
  createPlatinaReport: "secretariat",
  createMeetingPack: "secretariat",
  sendPtHoursSummary: "secretariat",
  transferAddress: "secretariat",
  onIssueEdit: "trigger",
  onIssueChange: "trigger",
  runMonthlyFollowUp: "trigger",
  continueFollowUp: "trigger",
  continueBureauSurvey: "trigger",
  continuePtHoursSummary: "trigger",
  doGet: "web link",
  submitAnswerForm: "web link",
  checkDeployment: "secretariat",
} as const satisfies Record<string, Permission>;

export type EntryPointName = keyof typeof PERMISSIONS;

/** What the guard knows about the call; `fromOwnTrigger` is only asked for "trigger" entry points. */
export interface Caller {
  /** Session.getActiveUser(), trimmed and lower-cased; "" when Apps Script does not tell. */
  user: string;
  access: AccessList;
  fromOwnTrigger: boolean;
}

/** Why `caller` may not run an entry point of `permission`, in polite Japanese; null when they may. */
export function refusalMessage(permission: Permission, action: string, caller: Caller): string | null {
  const { user, access } = caller;
  const nobody = `ログイン中のアカウントを確認できないため、${action}を実行できません。組織のアカウントでログインしてから、もう一度お試しください。`;
  const notSecretariat = `${action}は市政変革推進室（設定シートの「事務局メール」）のみが実行できます。${user} は登録されていません。`;
  switch (permission) {
    case "anyone":
    case "custom function":
    case "web link":
      return null;
    case "issue":
      return user ? null : nobody;
    case "setup":
      if (access.secretariat.length === 0) return user ? null : nobody;
      return !user ? nobody : isSecretariat(user, access) ? null : notSecretariat;
    case "secretariat":
      return !user ? nobody : isSecretariat(user, access) ? null : notSecretariat;
    case "trigger":
      if (caller.fromOwnTrigger) return null;
      return !user ? nobody : isSecretariat(user, access) ? null : `${action}は自動実行（トリガー）用です。手で実行できるのは市政変革推進室のみです。`;
  }
}
