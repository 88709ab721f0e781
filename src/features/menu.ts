// The プラチナ menu, in the order staff use its items. Each item names an entry
// point; src/entry-points.ts checks the names against its own exports.
import { addMenu, type MenuItem } from "../gas/ui";

export const MENU_ITEMS = [
  { caption: "状況を入力", functionName: "openStatusSidebar" },
  null,
  { caption: "送信状況", functionName: "showFollowUpStatus" },
  { caption: "今すぐ送信", functionName: "sendFollowUpNow" },
  { caption: "テスト送信", functionName: "sendFollowUpPreview" },
  { caption: "自動送信を設定", functionName: "installFollowUpTrigger" },
  { caption: "各局区への取組照会", functionName: "sendBureauSurvey" },
  { caption: "PT活動時間を所属長へ送信", functionName: "sendPtHoursSummary" },
  null,
  { caption: "データ点検", functionName: "checkData" },
  { caption: "担当の引き継ぎ", functionName: "transferAddress" },
  null,
  { caption: "進捗報告を作成", functionName: "createProgressReport" },
  { caption: "プラチナレポートを作成", functionName: "createPlatinaReport" },
  { caption: "X会議資料を作成", functionName: "createMeetingPack" },
  null,
  { caption: "初期設定", functionName: "setupWorkbook" },
  { caption: "動作確認", functionName: "checkDeployment" },
] as const satisfies readonly (MenuItem | null)[];

/** The entry points the menu calls. */
export type MenuFunctionName = NonNullable<(typeof MENU_ITEMS)[number]>["functionName"];

export function buildMenu(e?: { authMode?: unknown }): void {
  // Before the add-on is enabled in a document Sheets runs onOpen in AuthMode.NONE.
  addMenu("プラチナ", MENU_ITEMS, !!e && String(e.authMode) === "NONE");
}
