// The sidebar's 若手職員PT section in Chromium at sidebar size: a member sees their own
// team only, the はみだせサポート warning comes before an over-limit save, a milestone is
// ticked done, axe finds nothing; anyone else never sees the section.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PtContext, PtTeamView } from "../../src/core/pt/sidebar-api";
import { axeViolations, closeContexts, sharedBrowser, screenshot } from "../support/browser";

const root = join(import.meta.dirname, "..", "..");
const ME = "aoyama.haruka@city.example";
const XSS = "<img src=x onerror=alert(1)>";

const teamA: PtTeamView = {
  年度: 8,
  チーム: "チームA",
  team: { テーマ: "市民にとって利用しやすい窓口改革", "目指す市民の実感（成果指標）": XSS, 事業所管課: "総務市民局 区政課", 状態: "検討中", 最終更新日: null },
  members: [
    { 氏名: "青山 遥", メール: ME, 役割: "リーダー", hours: 30 },
    { 氏名: "石田 蓮", メール: "ishida.ren@city.example", 役割: null, hours: 32.5 },
  ],
  steps: [
    { 工程: "キックオフ", 予定: "2026-06-30", 完了日: "2026-06-12", 状態: "完了", メモ: null, 最終更新日: null, mark: "完了" },
    { 工程: "民間企業・他都市等への視察・ヒアリング", 予定: "2026-09-30", 完了日: null, 状態: "進行中", メモ: null, 最終更新日: null, mark: "遅れ" },
    { 工程: "事業の立ち上げロードマップの策定", 予定: "2026-11-30", 完了日: null, 状態: "未着手", メモ: null, 最終更新日: null, mark: "予定" },
  ],
  recent: [],
};

function context(role: PtContext["role"], teams: PtTeamView[]): PtContext {
  return {
    user: ME, role, year: 8, today: "2026-11-25", month: "2026-11", limitHours: 31,
    kinds: ["協議", "視察", "ヒアリング", "勉強会", "その他"], teamStates: ["準備中", "検討中", "立ち上げ", "中止"], teams,
  };
}

// Like Apps Script: asynchronous answers, arguments and results copied. savePtActivity refuses
// with over_limit until confirmOverLimit is sent; updatePtStep marks the step done.
const stubFor = (pt: PtContext) => `
(() => {
  const state = { pt: ${JSON.stringify(pt)}, calls: [] };
  window.__stub = state;
  const copy = (v) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
  const team = () => state.pt.teams[0];
  const server = {
    getSidebarContext: () => ({ user: state.pt.user, role: "none", bureaus: [], addresses: [], progress: [] }),
    getMyIssues: () => [],
    getPtContext: () => state.pt,
    savePtActivity: (input) => input.confirmOverLimit
      ? { ok: true, message: "活動を記録しました（はみだせサポートの上限を超えています。所属の承認を確認してください）。", team: team() }
      : { ok: false, reason: "over_limit", message: "はみだせサポートの上限を超えるため、まだ保存していません。",
          warnings: ["石田 蓮さんの2026年11月のPT活動は、この保存で34.5時間となり、はみだせサポートの上限31時間を3.5時間超えます。所属の承認の範囲か確認してから保存してください。"] },
    updatePtStep: (update) => {
      const t = team();
      const done = update.changes.完了日 !== "";
      t.steps = t.steps.map((s) => s.工程 === update.工程
        ? Object.assign({}, s, { 完了日: done ? update.changes.完了日 : null, 状態: update.changes.状態, mark: done ? "完了" : "予定" })
        : s);
      return { ok: true, message: "保存しました。", team: t };
    },
  };
  function runner(success, failure) {
    const r = { withSuccessHandler: (fn) => runner(fn, failure), withFailureHandler: (fn) => runner(success, fn) };
    for (const name of Object.keys(server)) {
      r[name] = (...args) => {
        const sent = copy(args);
        state.calls.push({ name, args: sent });
        setTimeout(() => { try { success && success(copy(server[name](...sent))); } catch (e) { failure && failure(e); } }, 30);
      };
    }
    return r;
  }
  window.google = { script: { run: runner() } };
})();
`;

async function open(browser: Browser, pt: PtContext): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.addInitScript({ content: stubFor(pt) });
  await page.goto(pathToFileURL(join(root, "build", "sidebar.html")).href);
  await page.locator("#count").filter({ hasText: "件" }).waitFor();
  return page;
}

const calls = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { __stub: { calls: { name: string; args: unknown[] }[] } }).__stub.calls.filter((c) => c.name === n).map((c) => c.args), name);

describe("the 若手職員PT section in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await sharedBrowser();
    page = await open(browser, context("member", [teamA]));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.locator("#pt").waitFor({ state: "visible" });
  });

  afterAll(async () => {
    await closeContexts(browser);
  });

  it("shows the member's own team only — no team choice — with its milestones and this month's hours, and passes axe", async () => {
    await expect(page.locator("#pt-title").textContent()).resolves.toBe("若手職員PT（チームA）");
    await expect(page.locator("#pt-team-field").isHidden()).resolves.toBe(true);
    await expect(page.locator("#pt").textContent()).resolves.not.toContain("チームB");
    await expect(page.locator("#pt-info").textContent()).resolves.toContain("メンバー青山 遥（リーダー）、石田 蓮");
    // Markup from the sheet stays text.
    await expect(page.locator("#pt-info dd").nth(1).textContent()).resolves.toBe(XSS);
    await expect(page.locator("img").count()).resolves.toBe(0);
    await expect(page.locator("#pt-steps li").allTextContents()).resolves.toEqual([
      "キックオフ 完了 6月12日に完了完了を取り消す",
      "民間企業・他都市等への視察・ヒアリング 遅れ 予定 9月30日まで完了にする",
      "事業の立ち上げロードマップの策定 予定 予定 11月30日まで完了にする",
    ]);
    await expect(page.locator("#pt-hours li").allTextContents()).resolves.toEqual(["青山 遥30 / 31時間", "石田 蓮32.5 / 31時間（超過）"]);
    await expect(page.locator("#pt-member-0").isChecked()).resolves.toBe(true);
    await expect(page.locator("#pt-member-1").isChecked()).resolves.toBe(false);
    expect(await axeViolations(page, null)).toEqual([]);
    await screenshot(page, "sidebar-pt");
  });

  it("says what is missing before asking the server", async () => {
    await page.locator("#pt-kind").selectOption("視察");
    await page.locator("#pt-save").click();
    await expect(page.locator("#pt-相手先-error").textContent()).resolves.toBe("視察の相手先を入力してください。");
    await expect(page.locator("#pt-時間-error").textContent()).resolves.toBe("時間を入力してください（例: 1.5、1:30、90分）。");
    await expect(page.locator("#pt-partner").getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await calls(page, "savePtActivity")).toEqual([]);
  });

  it("warns before a save over the はみだせサポート limit and saves only when confirmed", async () => {
    await page.locator("#pt-kind").selectOption("協議");
    await page.locator("#pt-partner").fill("総務市民局 区政課");
    await page.locator("#pt-content").fill("=ロードマップ案の協議");
    await page.locator("#pt-member-1").check();
    await page.locator("#pt-duration").fill("4.5");
    await page.locator("#pt-save").click();
    await page.locator("#pt-warning").waitFor({ state: "visible" });
    await expect(page.locator("#pt-warning-list").textContent()).resolves.toContain("石田 蓮さんの2026年11月のPT活動は、この保存で34.5時間となり");
    await expect(page.locator("#pt-alert").textContent()).resolves.toContain("はみだせサポートの上限を超えるため、まだ保存していません。");
    expect(await axeViolations(page, null)).toEqual([]);
    await screenshot(page, "sidebar-pt-warning");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("pt-confirm");

    await page.locator("#pt-confirm").click();
    await page.locator("#pt-status").filter({ hasText: "活動を記録しました" }).waitFor();
    await expect(page.locator("#pt-warning").isHidden()).resolves.toBe(true);
    const sent = await calls(page, "savePtActivity");
    expect(sent).toEqual([
      [{ 日付: "2026-11-25", 種別: "協議", 相手先: "総務市民局 区政課", 内容: "=ロードマップ案の協議", 参加者: [ME, "ishida.ren@city.example"], 時間: "4.5", チーム: "チームA" }],
      [{ 日付: "2026-11-25", 種別: "協議", 相手先: "総務市民局 区政課", 内容: "=ロードマップ案の協議", 参加者: [ME, "ishida.ren@city.example"], 時間: "4.5", チーム: "チームA", confirmOverLimit: true }],
    ]);
    await expect(page.locator("#pt-duration").inputValue()).resolves.toBe("");
  });

  it("asks before ticking a milestone done; 「やめる」 saves nothing", async () => {
    await page.getByRole("button", { name: "「事業の立ち上げロードマップの策定」を今日の日付で完了にする" }).click();
    const ask = page.getByRole("group", { name: "「事業の立ち上げロードマップの策定」を今日（11月25日）の日付で完了にしますか？" });
    await ask.waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("完了にする");
    expect(await axeViolations(page, null)).toEqual([]);
    await screenshot(page, "sidebar-pt-ask");
    await ask.getByRole("button", { name: "やめる" }).click();
    await expect(ask.isHidden()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toBe("「事業の立ち上げロードマップの策定」を今日の日付で完了にする");
    expect(await calls(page, "updatePtStep")).toEqual([]);
  });

  it("ticks it done with today's date once confirmed, sending the values the member saw", async () => {
    await page.getByRole("button", { name: "「事業の立ち上げロードマップの策定」を今日の日付で完了にする" }).click();
    await page.getByRole("group", { name: "「事業の立ち上げロードマップの策定」を今日（11月25日）の日付で完了にしますか？" }).getByRole("button", { name: "完了にする" }).click();
    await page.locator("#pt-status").filter({ hasText: "「事業の立ち上げロードマップの策定」を11月25日の完了にしました。間違えたときは「完了を取り消す」で元に戻せます。" }).waitFor();
    expect(await calls(page, "updatePtStep")).toEqual([[{
      年度: 8, チーム: "チームA", 工程: "事業の立ち上げロードマップの策定",
      expected: { 完了日: "", 状態: "未着手", 最終更新日: "" }, changes: { 完了日: "2026-11-25", 状態: "完了" },
    }]]);
    await expect(page.locator("#pt-steps li").nth(2).textContent()).resolves.toBe("事業の立ち上げロードマップの策定 完了 11月25日に完了完了を取り消す");
    expect(pageErrors).toEqual([]);
  });

  it("undoes the 完了 from the sidebar, asking first, back to the 状態 it had before", async () => {
    await page.getByRole("button", { name: "「事業の立ち上げロードマップの策定」の完了を取り消す" }).click();
    const ask = page.getByRole("group", { name: /「事業の立ち上げロードマップの策定」の完了（11月25日）を取り消しますか？ 完了日を消して、状態を「未着手」に戻します。/ });
    await ask.getByRole("button", { name: "取り消す" }).click();
    await page.locator("#pt-status").filter({ hasText: "「事業の立ち上げロードマップの策定」の完了を取り消しました。" }).waitFor();
    expect((await calls(page, "updatePtStep")).at(-1)).toEqual([{
      年度: 8, チーム: "チームA", 工程: "事業の立ち上げロードマップの策定",
      expected: { 完了日: "2026-11-25", 状態: "完了", 最終更新日: "" }, changes: { 完了日: "", 状態: "未着手" },
    }]);
    await expect(page.locator("#pt-steps li").nth(2).textContent()).resolves.toBe("事業の立ち上げロードマップの策定 予定 予定 11月30日まで完了にする");
    expect(pageErrors).toEqual([]);
  });

  it("lets the secretariat choose among every team", async () => {
    const secretariat = await open(browser, context("secretariat", [teamA, { ...teamA, チーム: "チームB", members: [], steps: [] }]));
    await secretariat.locator("#pt").waitFor({ state: "visible" });
    await expect(secretariat.locator("#pt-title").textContent()).resolves.toBe("若手職員PT（R8 全2チーム）");
    await secretariat.locator("#pt-team").selectOption("チームB");
    await expect(secretariat.locator("#pt-info").textContent()).resolves.toContain("（選出されたメンバーなし）");
    expect(await axeViolations(secretariat, null)).toEqual([]);
    await secretariat.close();
  });

  it("stays hidden for someone who is not a PT member", async () => {
    const stranger = await open(browser, context("none", []));
    await stranger.waitForTimeout(200);
    await expect(stranger.locator("#pt").isHidden()).resolves.toBe(true);
    expect(await calls(stranger, "getPtContext")).toEqual([[]]);
    await stranger.close();
  });
});
