// The built sidebar in Chromium at sidebar size, with a google.script.run stub
// that answers asynchronously like Apps Script's and serves fixture data.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROGRESS_WORDING } from "../../../src/core/contracts/classes";
import type { IssueRecord } from "../../../src/core/contracts/issues";
import { expectedOf } from "../../../src/core/issue-fields";
import { axeViolations, closeContexts, screenshot, sharedBrowser } from "../../support/browser";
import { issueRecord } from "../../support/issue-record";

const root = join(import.meta.dirname, "..", "..", "..");
const XSS = "<img src=x onerror=alert(1)>";

function issue(fields: Partial<IssueRecord>): IssueRecord {
  return issueRecord({
    ID: "", 年度: "R7", 課題名: "", 区分: "職員", 制度所管局: "総務市民局", 所管課: "人事課", 担当者メール: "jinji-ka@city.example",
    整理区分: "⑦", 進捗分類: "検討中", 実施時期: "", 進捗メモ: "", 最終更新日: "2026-05-12T00:00:00.000Z",
    最終更新者: "jinji-ka@city.example", ...fields,
  });
}

const fixture = {
  context: {
    user: "henkaku@city.example",
    role: "secretariat",
    bureaus: [],
    addresses: [] as { address: string; standing: string }[],
    problem: null as string | null,
  },
  issues: [
    issue({ ID: "R6-001", 年度: "R6", 課題名: "週休3日制が可能なフレックスタイム制を試行", 整理区分: "継続", 進捗分類: "完了", 実施時期: "R8年4月本格実施" }),
    issue({ ID: "R6-022", 年度: "R6", 課題名: "オフィス改革", 制度所管局: "財政・変革局", 所管課: "財産活用推進課", 担当者メール: "zaisankatsuyo-ka@city.example", 最終更新者: "zaisankatsuyo-ka@city.example", 整理区分: "継続", 進捗分類: "実施中", 実施時期: "R7実証実験開始", 進捗メモ: "本庁舎の一部フロアで実証実験中。R8年度に効果検証" }),
    issue({ ID: "R6-030", 年度: "R6", 課題名: "職員食堂・休憩スペースの充実", 所管課: "職員課", 整理区分: "継続", 実施時期: "R8年度中に方針決定", 進捗メモ: "事業者との調整中" }),
    issue({ ID: "R7-045", 課題名: "公式ホームページの生成AI検索導入を検討する", 区分: "ユーザー", 制度所管局: "政策局", 所管課: "広報課", 進捗メモ: "他都市の導入事例を調査中" }),
    issue({ ID: "R7-052", 課題名: XSS, 制度所管局: "環境局", 所管課: "循環社会推進課", 進捗メモ: XSS }),
    issue({ ID: "R7-060", 課題名: "市営住宅の入居申込みのオンライン化を検討する", 区分: "ユーザー", 制度所管局: "都市戦略局", 所管課: "住宅管理課", 進捗メモ: "システム改修費を見積り中" }),
  ],
  history: {
    "R6-022": [
      { 日時: "2026-05-12T01:30:00.000Z", 利用者: "zaisankatsuyo-ka@city.example", 項目: "進捗メモ", 変更前: "実証実験の準備中", 変更後: "本庁舎の一部フロアで実証実験中。R8年度に効果検証", 経路: "メール回答" },
      { 日時: "2026-04-01T00:00:00.000Z", 利用者: "henkaku@city.example", 項目: "進捗分類", 変更前: "検討中", 変更後: "実施中", 経路: "サイドバー" },
    ],
  },
};

const REPORT_ENTRY_POINTS = [
  "createProgressReport", "createPlatinaReport", "showFollowUpStatus", "sendFollowUpNow",
  "sendFollowUpPreview", "installFollowUpTrigger", "sendBureauSurvey", "sendPtHoursSummary",
];

// Plain JS (not a serialized TS function) so no compiler helper leaks into the page.
// Like Apps Script: every with…() returns a new runner, arguments and results are copied, answers come later
// (after state.delay ms). The 報告・送信 entry points answer from state.reports[name]: {result} or {error}.
const stubFor = (data: object) => `
(() => {
  // hold: answers wait until release() (what a test checks while a call runs), instead of state.delay ms.
  const state = Object.assign(${JSON.stringify(data)}, { calls: [], replies: [], reports: {}, delay: 40, hold: false, held: [] });
  state.release = () => { state.hold = false; for (const answer of state.held.splice(0)) setTimeout(answer, 0); };
  window.__stub = state;
  const copy = (value) => value === undefined ? null : JSON.parse(JSON.stringify(value));
  const server = {
    getSidebarContext: () => state.context,
    getMyIssues: () => state.issues,
    getIssueHistory: (id) => state.history[id] || [],
    saveIssueUpdate: (update) => {
      if (state.replies.length > 0) return state.replies.shift();
      const saved = Object.assign({}, state.issues.find((i) => i.ID === update.id), update.changes,
        { 最終更新日: "2026-06-02T02:15:00.000Z", 最終更新者: state.context.user });
      state.issues = state.issues.map((i) => (i.ID === update.id ? saved : i));
      return { ok: true, issue: saved };
    },
  };
  for (const name of ${JSON.stringify(REPORT_ENTRY_POINTS)}) {
    server[name] = () => {
      const reply = state.reports[name] || {};
      if (reply.error) throw new Error(reply.error);
      return reply.result === undefined ? null : reply.result;
    };
  }
  function runner(success, failure, userObject) {
    const r = {
      withSuccessHandler: (fn) => runner(fn, failure, userObject),
      withFailureHandler: (fn) => runner(success, fn, userObject),
      withUserObject: (obj) => runner(success, failure, obj),
    };
    for (const name of Object.keys(server)) {
      r[name] = (...args) => {
        const sent = copy(args);
        state.calls.push({ name, args: sent });
        const answer = () => {
          let result;
          try { result = copy(server[name](...sent)); }
          catch (error) { if (failure) failure(error, userObject); return; }
          if (success) success(result, userObject);
        };
        if (state.hold) state.held.push(answer);
        else setTimeout(answer, state.delay);
      };
    }
    return r;
  }
  window.google = { script: { run: runner() } };
})();
`;
const STUB = stubFor(fixture);

describe("status sidebar in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const item = (id: string) => page.locator(`button.item[data-id="${id}"]`);

  beforeAll(async () => {
    browser = await sharedBrowser();
    page = await browser.newPage({ viewport: { width: 300, height: 800 } });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.addInitScript({ content: STUB });
    await page.goto(pathToFileURL(join(root, "build", "sidebar.html")).href);
    await page.locator("#count").filter({ hasText: "件を表示" }).waitFor();
  });

  afterAll(async () => {
    await closeContexts(browser);
  });

  it("shows who is signed in, the count and the list without 完了", async () => {
    await expect(page.locator("#user").textContent()).resolves.toBe("ログイン中: henkaku@city.example");
    await expect(page.locator("#role").textContent()).resolves.toBe("市政変革推進室として全件を表示しています");
    await expect(page.locator("#count").textContent()).resolves.toBe("6件中 5件を表示");
    await expect(page.locator("button.item").count()).resolves.toBe(5);
    await expect(item("R6-022").textContent()).resolves.toMatch(/R6-022.*実施中.*オフィス改革.*実施時期: R7実証実験開始/);
    expect(await axeViolations(page, null)).toEqual([]);
    await screenshot(page, "sidebar", { fullPage: true });
  });

  it("shows markup in a 課題名 as text", async () => {
    await expect(item("R7-052").locator(".item-name").textContent()).resolves.toBe(XSS);
    await expect(page.locator("img").count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("searches and filters", async () => {
    await page.fill("#search", "ｒ６－０２２"); // full-width, folded by NFKC
    await expect(page.locator("#count").textContent()).resolves.toBe("6件中 1件を表示");
    await page.fill("#search", "ai");
    await expect(page.locator("button.item").evaluateAll((b) => b.map((e) => e.getAttribute("data-id")))).resolves.toEqual(["R7-045"]);
    await page.fill("#search", "見積り");
    await expect(page.locator("#count").textContent()).resolves.toBe("6件中 1件を表示");
    await page.fill("#search", "");
    await page.selectOption("#filter-bureau", "総務市民局");
    await expect(page.locator("#count").textContent()).resolves.toBe("6件中 1件を表示");
    await page.uncheck("#hide-done");
    await expect(page.locator("#count").textContent()).resolves.toBe("6件中 2件を表示");
    await page.selectOption("#filter-bureau", "");
    await page.selectOption("#filter-year", "R7");
    await expect(page.locator("#count").textContent()).resolves.toBe("6件中 3件を表示");
    await page.selectOption("#filter-progress", "実施中");
    await expect(page.locator("#empty").textContent()).resolves.toBe("条件に合う課題はありません。");
    await page.selectOption("#filter-year", "");
    await page.selectOption("#filter-progress", "");
    await page.check("#hide-done");
    await expect(page.locator("#count").textContent()).resolves.toBe("6件中 5件を表示");
  });

  it("opens an issue with Enter, prefilled, with its history", async () => {
    await item("R6-022").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#detail-view").isVisible()).resolves.toBe(true);
    await expect(page.locator("#detail-title").textContent()).resolves.toBe("R6-022 オフィス改革");
    await expect(page.locator('input[name="progress"]:checked').getAttribute("value")).resolves.toBe("実施中");
    await expect(page.locator("#timing").inputValue()).resolves.toBe("R7実証実験開始");
    await expect(page.locator("#memo").inputValue()).resolves.toBe("本庁舎の一部フロアで実証実験中。R8年度に効果検証");
    await expect(page.locator("#detail-info").textContent()).resolves.toContain("令和8年5月12日 09:00（zaisankatsuyo-ka@city.example）");
    await expect(page.locator("#progress-options").textContent()).resolves.toContain(PROGRESS_WORDING.実施中);
    await expect(page.locator("#save").isDisabled()).resolves.toBe(true);
    await page.locator("#history li").first().waitFor();
    await expect(page.locator("#history").textContent()).resolves.toContain("進捗分類: 検討中 → 実施中");
    await screenshot(page, "sidebar-detail", { fullPage: true });
  });

  it("saves a changed 進捗分類 and updates the list", async () => {
    await page.check('input[name="progress"][value="完了"]');
    await expect(page.locator("#save").isEnabled()).resolves.toBe(true);
    await page.click("#save");
    await page.locator("#feedback").filter({ hasText: "保存しました" }).waitFor();
    const calls = await page.evaluate(() => (window as any).__stub.calls.filter((c: any) => c.name === "saveIssueUpdate"));
    // expected: every editable field as loaded, and the stamp.
    expect(calls.map((c: any) => c.args[0])).toEqual([{ id: "R6-022", expected: expectedOf(fixture.issues[1]), changes: { 進捗分類: "完了" } }]);
    expect(calls[0].args[0].expected).toMatchObject({
      進捗分類: "実施中", 実施時期: "R7実証実験開始", 進捗メモ: "本庁舎の一部フロアで実証実験中。R8年度に効果検証", 最終更新日: "2026-05-12T00:00:00.000Z",
    });
    await expect(page.locator("#detail-badge").textContent()).resolves.toBe("進捗分類: 完了");
    await expect(page.locator("#save").isDisabled()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(page.locator("#list-view").isVisible()).resolves.toBe(true);
    await expect(page.locator("#count").textContent()).resolves.toBe("6件中 4件を表示");
    await page.uncheck("#hide-done");
    await expect(item("R6-022").locator(".badge").textContent()).resolves.toBe("完了");
    await page.check("#hide-done");
  });

  it("on a conflict shows the latest values beside the user's input and keeps it", async () => {
    await item("R7-060").click();
    await page.fill("#memo", "私の入力: 予算要求に向けて見積りを精査中");
    const current = { ...fixture.issues[5], 進捗分類: "実施中", 進捗メモ: "他の方の更新", 最終更新日: "2026-06-01T03:00:00.000Z", 最終更新者: "jutakukanri-ka@city.example" };
    await page.evaluate((reply) => (window as any).__stub.replies.push(reply), { ok: false, reason: "conflict", message: "ほかの方がこの課題を先に更新しました（進捗メモ）。", current });
    await page.click("#save");
    await page.locator("#conflict").waitFor();
    await expect(page.locator("#alert").textContent()).resolves.toContain("他の方が先に更新しました");
    const rows = page.locator("#conflict-rows");
    await expect(rows.textContent()).resolves.toContain("他の方の更新");
    await expect(rows.textContent()).resolves.toContain("私の入力: 予算要求に向けて見積りを精査中");
    await expect(page.locator("#memo").inputValue()).resolves.toBe("私の入力: 予算要求に向けて見積りを精査中");
    expect(await axeViolations(page, null)).toEqual([]);
    await screenshot(page, "sidebar-conflict", { fullPage: true });

    await page.click("#adopt");
    await expect(page.locator("#conflict").isHidden()).resolves.toBe(true);
    await expect(page.locator('input[name="progress"]:checked').getAttribute("value")).resolves.toBe("実施中");
    await expect(page.locator("#memo").inputValue()).resolves.toBe("私の入力: 予算要求に向けて見積りを精査中");
    await page.click("#save");
    await page.locator("#feedback").filter({ hasText: "保存しました" }).waitFor();
    const last = await page.evaluate(() => (window as any).__stub.calls.filter((c: any) => c.name === "saveIssueUpdate").at(-1).args[0]);
    expect(last.expected).toMatchObject({ 進捗メモ: "他の方の更新", 最終更新日: "2026-06-01T03:00:00.000Z" });
    expect(last.changes).toEqual({ 進捗メモ: "私の入力: 予算要求に向けて見積りを精査中" });
  });

  it("explains a too-long memo next to the field, counting an emoji as one character as the server does", async () => {
    await page.fill("#memo", "😀".repeat(2000));
    await expect(page.locator("#memo-count").textContent()).resolves.toBe("2000 / 2000文字");
    await expect(page.locator("#memo-error").textContent()).resolves.toBe("");
    await page.fill("#memo", "あ".repeat(2001));
    const error = "進捗メモは2000文字以内で入力してください（現在2001文字）。";
    await expect(page.locator("#memo-error").textContent()).resolves.toBe(error);
    await expect(page.locator("#memo-count").textContent()).resolves.toBe("2001 / 2000文字（1文字超過）");
    await expect(page.locator("#memo").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("#memo").getAttribute("aria-describedby")).resolves.toContain("memo-error");
    await page.click("#save");
    await expect(page.locator("#alert").textContent()).resolves.toBe("入力内容を確認してください。");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("memo");
    expect(await axeViolations(page, null)).toEqual([]);
    await screenshot(page, "sidebar-invalid", { fullPage: true });
  });

  it("when the issue is gone, says so, reloads the list and keeps the input", async () => {
    await page.keyboard.press("Escape");
    await item("R6-030").click();
    await page.fill("#timing", "R8年10月");
    await page.evaluate(() => {
      const stub = (window as any).__stub;
      stub.issues = stub.issues.filter((i: IssueRecord) => i.ID !== "R6-030");
      stub.replies.push({ ok: false, reason: "not_found", message: "課題「R6-030」が見つかりません。" });
    });
    await page.click("#save");
    await page.locator("#alert").filter({ hasText: "この課題は削除されたか ID が変わりました" }).waitFor({ state: "attached" });
    await page.locator("#count").filter({ hasText: "5件中" }).waitFor({ state: "attached" });
    await expect(page.locator("#timing").inputValue()).resolves.toBe("R8年10月");
    await expect(page.locator("#save").isDisabled()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

describe("報告・送信 in the sidebar", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await sharedBrowser();
  });

  afterAll(async () => {
    await closeContexts(browser);
  });

  async function open(role: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
    await page.addInitScript({ content: stubFor({ ...fixture, context: { ...fixture.context, role } }) });
    await page.goto(pathToFileURL(join(root, "build", "sidebar.html")).href);
    await page.locator("#count").filter({ hasText: "件を表示" }).waitFor();
    return page;
  }

  /** The answer `name` gets; `hold`: it waits for release(page), so the test sees the call running however slow the machine. */
  const reply = (page: Page, name: string, answer: object, hold = false) =>
    page.evaluate(([n, a, h]) => Object.assign((window as any).__stub, { hold: h }).reports[n as string] = a, [name, answer, hold] as const);
  const release = (page: Page) => page.evaluate(() => (window as any).__stub.release());

  it("is offered to the secretariat, folded above the list, with every action", async () => {
    const page = await open("secretariat");
    const summary = page.getByText("報告・送信", { exact: true });
    await expect(summary.isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "今すぐ送信" }).isVisible()).resolves.toBe(false);
    await summary.click();
    await expect(page.locator("#report-actions button").allTextContents()).resolves.toEqual([
      "進捗報告を作成", "プラチナレポートを作成", "送信状況", "今すぐ送信", "テスト送信", "自動送信を設定", "各局区への取組照会", "PT活動時間を所属長へ送信",
    ]);
    await expect(page.getByRole("group", { name: "進捗確認メール" }).getByRole("button").count()).resolves.toBe(4);
    expect(await axeViolations(page, null)).toEqual([]);
    await screenshot(page, "sidebar-reports", { fullPage: true });
    await page.close();
  });

  it("is absent for an owner", async () => {
    const page = await open("owner");
    await expect(page.locator("#reports").isHidden()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "今すぐ送信" }).count()).resolves.toBe(0);
    await expect(page.locator("#role").textContent()).resolves.toBe("担当者として、担当する課題を表示しています");
    await page.close();
  });

  it("groups a person's list under each address they act for, and says they are recorded by name", async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
    const addresses = [
      { address: "taro.jinji@city.example", standing: "本人" },
      { address: "jinji-ka@city.example", standing: "担当" },
      { address: "zaisankatsuyo-ka@city.example", standing: "代理" },
    ];
    await page.addInitScript({ content: stubFor({ ...fixture, context: { ...fixture.context, role: "owner", user: "taro.jinji@city.example", addresses } }) });
    await page.goto(pathToFileURL(join(root, "build", "sidebar.html")).href);
    await page.locator("#count").filter({ hasText: "件を表示" }).waitFor();
    await expect(page.locator(".group-heading h3").allTextContents()).resolves.toEqual([
      "総務市民局 職員課（jinji-ka@city.example）・担当",
      "財政・変革局 財産活用推進課（zaisankatsuyo-ka@city.example）・代理",
    ]);
    // Each heading is followed by its address's issues.
    await expect(page.locator("#issue-list > li").nth(0).locator("h3").count()).resolves.toBe(1);
    await expect(page.locator("#role").textContent()).resolves.toContain("保存すると taro.jinji@city.example の名前で記録されます");
    expect(await axeViolations(page, null)).toEqual([]);
    await page.close();
  });

  it("runs an action with every button held while it runs, then says what happened", async () => {
    const page = await open("secretariat");
    await page.getByText("報告・送信", { exact: true }).click();
    await reply(page, "showFollowUpStatus", { result: { owners: [{ answered: true }, { answered: false }, { answered: false }], failures: [{ to: "x@city.example" }] } }, true);
    await page.getByRole("button", { name: "送信状況" }).click();
    await expect(page.locator("#busy").textContent()).resolves.toBe("「送信状況」を実行しています…");
    await expect(page.locator("#report-actions button:disabled").count()).resolves.toBe(8);
    await expect(page.locator("#report-actions").getAttribute("aria-busy")).resolves.toBe("true");
    await release(page);
    await page.locator("#report-status").filter({ hasText: "送信状況のダイアログを開きました（回答 1/3名、送信失敗 1件）。" }).waitFor();
    await expect(page.locator("#report-actions button:disabled").count()).resolves.toBe(0);
    await expect(page.locator("#busy").textContent()).resolves.toBe("");
    const calls = await page.evaluate(() => (window as any).__stub.calls.filter((c: any) => c.name === "showFollowUpStatus"));
    expect(calls).toEqual([{ name: "showFollowUpStatus", args: [] }]);

    await reply(page, "sendBureauSurvey", { result: { sent: Array(29).fill({ kind: "依頼" }), failed: [], stoppedBecause: null, remaining: 0 } });
    await page.getByRole("button", { name: "各局区への取組照会" }).click();
    await page.locator("#report-status").filter({ hasText: "送信 29件、失敗 0件。" }).waitFor();
    await expect(page.locator("#report-alert").textContent()).resolves.toBe("");
    await screenshot(page, "sidebar-reports-done", { fullPage: true });
    await page.close();
  });

  it("shows a server error in the alert region and frees the buttons", async () => {
    const page = await open("secretariat");
    await page.getByText("報告・送信", { exact: true }).click();
    await reply(page, "sendFollowUpPreview", { error: "「stranger@example.com」は今月の照会対象の担当者ではありません。" });
    await page.getByRole("button", { name: "テスト送信" }).click();
    await page.locator("#report-alert").filter({ hasText: "「テスト送信」を実行できませんでした。" }).waitFor();
    await expect(page.locator("#report-alert").textContent()).resolves.toBe("「テスト送信」を実行できませんでした。「stranger@example.com」は今月の照会対象の担当者ではありません。");
    await expect(page.locator("#report-status").textContent()).resolves.toBe("");
    await expect(page.getByRole("button", { name: "テスト送信" }).isEnabled()).resolves.toBe(true);
    expect(await axeViolations(page, null)).toEqual([]);
    await screenshot(page, "sidebar-reports-error", { fullPage: true });
    await page.close();
  });
});

describe("status sidebar with a sheet-contract problem (issue 12)", () => {
  let browser: Browser;
  const PROBLEM = "シート「課題」の見出し「進捗分類」が見つかりません。1行目の見出しを「進捗分類」に戻してください。\n\n見出しを直すまで保存できません。何も変更していません。";

  beforeAll(async () => {
    browser = await sharedBrowser();
  });

  afterAll(async () => {
    await closeContexts(browser);
  });

  async function open(data: object): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
    await page.addInitScript({ content: stubFor(data) });
    await page.goto(pathToFileURL(join(root, "build", "sidebar.html")).href);
    await page.locator("#banner").waitFor({ state: "attached" });
    return page;
  }

  it("shows the server's message as a banner and never enables saving", async () => {
    const page = await open({ ...fixture, context: { ...fixture.context, problem: PROBLEM } });
    await page.locator("#banner").filter({ hasText: "保存できません" }).waitFor();
    await expect(page.locator("#banner").innerText()).resolves.toContain("見出し「進捗分類」が見つかりません");
    expect(await page.locator("#banner").getAttribute("role")).toBe("alert");
    await page.locator("#count").filter({ hasText: "件を表示" }).waitFor();
    await page.locator('button.item[data-id="R6-022"]').click();
    await page.locator("#memo").fill("保存できないはずの入力");
    expect(await page.locator("#save").isDisabled()).toBe(true);
    await page.locator("#form").evaluate((form: HTMLFormElement) => form.requestSubmit());
    const saves = await page.evaluate(() => (window as any).__stub.calls.filter((c: any) => c.name === "saveIssueUpdate"));
    expect(saves).toEqual([]);
    await screenshot(page, "sidebar-contract-banner");
    await page.close();
  });

  it("shows a refused list (reason contract) as the banner with no issues", async () => {
    const page = await open({ ...fixture, issues: { ok: false, reason: "contract", message: PROBLEM } });
    await page.locator("#banner").filter({ hasText: "見出しを直すまで保存できません" }).waitFor();
    expect(await page.locator("button.item").count()).toBe(0);
    await page.close();
  });

  it("blocks saving when a save is refused for a contract problem found meanwhile", async () => {
    const page = await open(fixture);
    await page.locator("#count").filter({ hasText: "件を表示" }).waitFor();
    expect(await page.locator("#banner").isHidden()).toBe(true);
    await page.evaluate((message) => (window as any).__stub.replies.push({ ok: false, reason: "contract", message }), PROBLEM);
    await page.locator('button.item[data-id="R6-022"]').click();
    await page.locator("#memo").fill("新しいメモ");
    await page.locator("#save").click();
    await page.locator("#banner").filter({ hasText: "見出し「進捗分類」" }).waitFor();
    await page.locator("#memo").fill("もう一度");
    expect(await page.locator("#save").isDisabled()).toBe(true);
    await page.close();
  });
});

describe("status sidebar: issues past their 実施時期", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await sharedBrowser();
  });

  afterAll(async () => {
    await closeContexts(browser);
  });

  it("flags each in the list and explains it on the issue, as of the server's day", async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
    // R6-022 「R7実証実験開始」 is followed (⑦) and 実施中: 令和7年度 ended on 2026-03-31.
    const issues = fixture.issues.map((i) => (i.ID === "R6-022" ? { ...i, 整理区分: "⑦" } : i));
    await page.addInitScript({ content: stubFor({ ...fixture, issues, context: { ...fixture.context, today: "2026-05-26" } }) });
    await page.goto(pathToFileURL(join(root, "build", "sidebar.html")).href);
    await page.locator("#count").filter({ hasText: "件を表示" }).waitFor();
    const notice = "実施時期（令和7年度）を過ぎています。現在の状況をお知らせください（予定が変わった場合は、実施時期の更新をお願いいたします）。";
    const flags = page.locator("button.item .badge.overdue");
    await expect(flags.count()).resolves.toBe(1);
    await expect(page.locator('button.item[data-id="R6-022"] .badge.overdue').getAttribute("title")).resolves.toBe(notice);
    await expect(page.getByRole("button", { name: /R6-022 実施中 実施時期を過ぎています オフィス改革/ }).count()).resolves.toBe(1);
    await page.locator('button.item[data-id="R6-022"]').click();
    await expect(page.locator("#detail-overdue").innerText()).resolves.toBe(notice);
    expect(await axeViolations(page, null)).toEqual([]);
    await screenshot(page, "sidebar-overdue");
    await page.locator("#back").click();
    // 「R8年度中に方針決定」 has not ended.
    await page.locator('button.item[data-id="R6-030"]').click();
    expect(await page.locator("#detail-overdue").isHidden()).toBe(true);
    await page.close();
  });
});
