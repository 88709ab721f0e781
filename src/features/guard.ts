// The one place where the permission table (core/permissions.ts) is enforced and
// where a sheet-contract problem becomes a refusal: every export of
// src/entry-points.ts runs its feature through guarded(). A refusal happens before
// the feature runs, so it reads nothing of 課題 and writes nothing.
import { ContractError } from "../core/contracts/contract";
import { refuse, type Refusal } from "../core/outcome";
import { PERMISSIONS, refusalMessage, type EntryPointName, type Permission } from "../core/permissions";
import { activeUserEmail } from "../gas/session";
import { loadAccessList } from "../gas/settings";
import { isOwnTrigger } from "../gas/triggers";
import { tell } from "../gas/ui";
import { MENU_ITEMS } from "./menu";

export type GuardRefusal = Refusal<"forbidden" | "contract">;

/** What the action is called in a refusal: the menu caption, else these words. */
const ACTIONS: Partial<Record<EntryPointName, string>> = {
  getMyIssues: "課題の一覧の表示",
  getIssueHistory: "変更履歴の表示",
  saveIssueUpdate: "保存",
  getUnsortedIssues: "未整理の課題の表示",
  sortIssue: "課題の整理",
  showProgressReportPrint: "進捗報告の印刷",
  openProgressReportSheet: "進捗報告シートの表示",
  onIssueEdit: "シートの直接編集の記録",
  onIssueChange: "行の削除の記録",
  runMonthlyFollowUp: "毎月の進捗確認メールの送信",
  continueFollowUp: "進捗確認メールの続きの送信",
  continueBureauSurvey: "取組照会の続きの送信",
  savePtActivity: "PT活動の記録",
  updatePtStep: "PT工程の更新",
  updatePtTeam: "PTの状態の更新",
  continuePtHoursSummary: "PT活動時間のまとめの続きの送信",
};

const menuCaption = (name: string) => MENU_ITEMS.find((item) => item?.functionName === name)?.caption;

/**
 * Runs an entry point's feature when the caller may, else returns a refusal (and,
 * for a menu item, says so in a dialog). `event` is the trigger's event object for
 * "trigger" entry points.
 */
export function guarded<R>(name: EntryPointName, run: () => R, event?: unknown): R | GuardRefusal {
  const permission: Permission = PERMISSIONS[name];
  // Custom functions have no services to ask; the web forms check their signed link themselves.
  if (permission === "custom function" || permission === "web link") return run();
  const caption = menuCaption(name);
  const action = caption ? `「${caption}」` : ACTIONS[name] ?? `「${name}」`;
  const refused = (reason: GuardRefusal["reason"], message: string): GuardRefusal => {
    if (caption) tell(caption, message);
    return refuse(reason, message);
  };
  if (permission !== "anyone") {
    const fromOwnTrigger = permission === "trigger" && isOwnTrigger(triggerUid(event));
    const message = fromOwnTrigger ? null : refusalMessage(permission, action, { user: activeUserEmail(), access: loadAccessList(), fromOwnTrigger });
    if (message) return refused("forbidden", message);
  }
  try {
    return run();
  } catch (error) {
    // A trigger has no one to answer: its failure goes to the execution log and the owner's mail.
    if (!(error instanceof ContractError) || permission === "trigger") throw error;
    return refused("contract", `${error.message}\n\n見出しを直すまで、${action}はできません。何も変更していません。`);
  }
}

function triggerUid(event: unknown): unknown {
  return event !== null && typeof event === "object" ? (event as { triggerUid?: unknown }).triggerUid : undefined;
}
