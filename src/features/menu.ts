// The プラチナ menu. Later features add their items here, in the order staff use them.

export const MENU_ITEMS: readonly ({ caption: string; functionName: string } | null)[] = [
  { caption: "状況を入力", functionName: "openStatusSidebar" },
  null,
  { caption: "送信状況", functionName: "showFollowUpStatus" },
  { caption: "今すぐ送信", functionName: "sendFollowUpNow" },
  { caption: "テスト送信", functionName: "sendFollowUpPreview" },
  { caption: "自動送信を設定", functionName: "installFollowUpTrigger" },
  { caption: "各局区への取組照会", functionName: "sendBureauSurvey" },
  null,
  { caption: "データ点検", functionName: "checkData" },
  null,
  { caption: "進捗報告を作成", functionName: "createProgressReport" },
  { caption: "プラチナレポートを作成", functionName: "createPlatinaReport" },
  null,
  { caption: "初期設定", functionName: "setupWorkbook" },
];

export function buildMenu(e?: { authMode?: unknown }): void {
  const ui = SpreadsheetApp.getUi();
  // Before the add-on is enabled in a document Sheets runs onOpen in AuthMode.NONE,
  // and only the add-on menu may be created then.
  const menu = e && String(e.authMode) === "NONE" ? ui.createAddonMenu() : ui.createMenu("プラチナ");
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item.caption, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}
