import { describe, it, expect } from "vitest";
import { makeApp, recordingUi } from "./setup";

function htmlOutput(content: string, title = "", width = 600, height = 400) {
  return { getContent: () => content, getTitle: () => title, getWidth: () => width, getHeight: () => height } as GoogleAppsScript.HTML.HtmlOutput;
}

describe("Ui", () => {
  it("is only available with an open spreadsheet UI", () => {
    expect(() => makeApp().app.getUi()).toThrow("Cannot call SpreadsheetApp.getUi() from this context.");
  });

  it("hands the whole menu tree to the host on addToUi, not before", () => {
    const host = recordingUi();
    const ui = makeApp({ ui: host }).app.getUi();
    const menu = ui
      .createMenu("進捗管理")
      .addItem("集計を更新", "refreshSummary")
      .addSeparator()
      .addSubMenu(ui.createMenu("メール").addItem("督促メールを送信", "sendReminders"));
    expect(host.menus).toEqual([]);
    menu.addToUi();
    ui.createAddonMenu().addItem("サイドバーを開く", "showSidebar").addToUi();
    expect(host.menus).toEqual([
      {
        caption: "進捗管理",
        addon: false,
        items: [
          { caption: "集計を更新", functionName: "refreshSummary" },
          { caption: "", separator: true },
          { caption: "メール", submenu: { caption: "メール", addon: false, items: [{ caption: "督促メールを送信", functionName: "sendReminders" }] } },
        ],
      },
      { caption: "", addon: true, items: [{ caption: "サイドバーを開く", functionName: "showSidebar" }] },
    ]);
  });

  it("returns the host's answer from alert, for all three overloads", () => {
    const host = recordingUi();
    const ui = makeApp({ ui: host }).app.getUi();
    expect(ui.alert("保存しました")).toBe(ui.Button.OK);
    host.answer.button = "NO";
    expect(ui.alert("送信しますか？", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert("確認", "送信しますか？", ui.ButtonSet.YES_NO_CANCEL)).toBe("NO");
    expect(host.calls).toEqual([
      ["alert", null, "保存しました", "OK"],
      ["alert", null, "送信しますか？", "YES_NO"],
      ["alert", "確認", "送信しますか？", "YES_NO_CANCEL"],
    ]);
  });

  it("returns a PromptResponse", () => {
    const host = recordingUi();
    host.answer = { button: "OK", text: "R8-001" };
    const ui = makeApp({ ui: host }).app.getUi();
    const response = ui.prompt("課題番号", "番号を入力してください", ui.ButtonSet.OK_CANCEL);
    expect([response.getResponseText(), response.getSelectedButton()]).toEqual(["R8-001", ui.Button.OK]);
    expect(host.calls).toEqual([["prompt", "課題番号", "番号を入力してください", "OK_CANCEL"]]);
  });

  it("shows sidebars and dialogs through the host", () => {
    const host = recordingUi();
    const ui = makeApp({ ui: host }).app.getUi();
    ui.showSidebar(htmlOutput("<p>進捗</p>", "進捗サイドバー"));
    ui.showModalDialog(htmlOutput("<p>確認</p>", "無視される", 400, 300), "送信前の確認");
    ui.showModelessDialog(htmlOutput("<p>一覧</p>"), "一覧");
    expect(host.calls).toEqual([
      ["showSidebar", "<p>進捗</p>", "進捗サイドバー"],
      ["showDialog", "<p>確認</p>", "送信前の確認", 400, 300, true],
      ["showDialog", "<p>一覧</p>", "一覧", 600, 400, false],
    ]);
  });
});
