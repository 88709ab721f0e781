// The monthly はみだせサポート summary to each section head, on the mailing engine:
// one mail per head and month (送信記録), the numbers from PT活動, secretariat only.
import { beforeEach, describe, expect, it } from "vitest";
import type { Runtime } from "../../../src/local/runtime/runtime";
import { answeringUi, outbox } from "../../support/follow-up";
import { SECRETARIAT, sheetRecords } from "../../support/issues";
import { testRuntime } from "../../support/runtime";

let runtime: Runtime;
let dir: string;

beforeEach(() => {
  ({ runtime, dir } = testRuntime({ now: "2026-11-02T09:00:00+09:00", setUp: true }));
});

describe("sendPtHoursSummary", () => {
  it("sends last month's hours to each section head once, and a second run sends nothing", async () => {
    const { ui, shown } = answeringUi("YES");
    const first = runtime.run("sendPtHoursSummary", [], { user: SECRETARIAT, ui });
    expect(first.ok, first.error?.message).toBe(true);
    // October: every selected member has their own 所属, so 10 heads; each mail lists one member.
    expect(shown[0]).toEqual({ title: "PT活動時間を所属長へ送信", text: "令和8年10月のPT活動時間のまとめを、まだ送っていない所属長 10名に送信します。よろしいですか？" });
    expect(first.result).toMatchObject({ ok: true, cycle: "PT時間-2026-10", failed: [], stoppedBecause: null, next: null });
    expect((first.result as { sent: unknown[] }).sent).toHaveLength(10);

    const mails = await outbox(`${dir}/outbox`);
    expect(mails).toHaveLength(10);
    const zaisei = mails.find((m) => m.to[0] === "zaisei.cho@city.example")!;
    expect(zaisei.subject).toBe("【ご確認のお願い】若手職員PT はみだせサポートの活動時間（令和8年10月分）");
    // 木下: 10/7 ヒアリング 2 h + 10/28 ヒアリング 1.5 h.
    expect(zaisei.text).toContain("【財政・変革局 財政課】\n・木下 大翔　3.5時間（上限31時間）");
    expect(zaisei.text).toContain("勤務時間の20%（月31時間）まで");
    expect(zaisei.html).toContain("<th scope=\"row\">木下 大翔</th><td style=\"text-align:right\">3.5</td>");
    expect(mails.find((m) => m.to[0] === "kosodate.cho@city.example")!.text).toContain("・川村 彩花　0時間（上限31時間）");
    // 見送り applicants are not PT members: their heads get nothing.
    expect(mails.some((m) => m.to[0] === "keibo.cho@city.example")).toBe(false);

    const log = sheetRecords(runtime, "送信記録");
    expect(log).toHaveLength(10);
    expect(log.every((r) => r.サイクル === "PT時間-2026-10" && r.種別 === "依頼" && r.結果 === "送信済")).toBe(true);
    expect(runtime.state.triggers.filter((t) => t.handler === "continuePtHoursSummary")).toEqual([]);

    const again = runtime.run("sendPtHoursSummary", [{ month: "2026-10" }], { user: SECRETARIAT });
    expect(again.result).toMatchObject({ ok: true, sent: [], failed: [] });
    expect(await outbox(`${dir}/outbox`)).toHaveLength(10);
    expect(sheetRecords(runtime, "送信記録")).toHaveLength(10);
  });

  it("sends a month's over-limit hours with the excess, and one mail to a head of two 所属", async () => {
    const sheet = runtime.model.getSheetByName("PTメンバー")!;
    const rows = sheetRecords(runtime, "PTメンバー");
    const head = rows[0].所属長メール as string;
    // 石田 (row 3) moves under 青山's head: one mail lists both 所属.
    sheet.setCells(2, 8, [[{ kind: "value", value: head }]]);
    const activities = runtime.model.getSheetByName("PT活動")!;
    activities.setCells(activities.getLastRow(), 0, [0, 1, 2].map((d) =>
      [new Date(`2026-09-0${d + 1}T00:00:00+09:00`), "チームA", "勉強会", "", "", "青山 遥", 12].map((v) => ({ kind: "value" as const, value: v }))));
    const result = runtime.run("sendPtHoursSummary", [{ month: "2026/9" }], { user: SECRETARIAT });
    expect(result.ok, result.error?.message).toBe(true);
    const mails = await outbox(`${dir}/outbox`);
    expect(mails).toHaveLength(9);
    const joint = mails.find((m) => m.to[0] === head)!;
    // 青山 in September: 8 h (9/10 視察) + 2 h (9/17 ヒアリング) + 36 h.
    expect(joint.text).toContain("小倉北区 市民課・保健福祉局 介護保険課\n所属長様");
    expect(joint.text).toContain("・青山 遥　46時間（上限31時間、15時間超過）");
    expect(joint.text).toContain("・石田 蓮　8時間（上限31時間）");
    expect(joint.text).toContain("上限を超えている職員がいます（青山 遥さん）");
  });

  it("names who approves for a head's shared address (the act-for rule), and warns before sending to one nobody acts for today", async () => {
    // 財政課's head mail is a shared address acted for by two people; 人事課's by someone whose period has ended.
    const sheet = runtime.model.getSheetByName("担当者")!;
    const rows = [
      ["財政 一郎", "ichiro.zaisei@city.example", "zaisei.cho@city.example", "担当", "", "", ""],
      ["財政 花子", "hanako.zaisei@city.example", "zaisei.cho@city.example", "代理", "", "", ""],
      ["人事 次郎", "jiro.jinjicho@city.example", "jinji.cho@city.example", "担当", "2024/4/1", "2026/3/31", ""],
    ];
    sheet.setCells(sheet.getLastRow(), 0, rows.map((r) => r.map((value) => ({ kind: "value" as const, value }))));
    runtime.fireEdit({ sheet: "担当者", a1: `A${sheet.getLastRow()}`, user: SECRETARIAT, value: "人事 次郎", oldValue: "" });
    const { ui, shown } = answeringUi("YES");
    expect(runtime.run("sendPtHoursSummary", [], { user: SECRETARIAT, ui }).ok).toBe(true);
    expect(shown[0].text).toContain("担当者シートに今日の担当がいない所属長メール（送信はしますが、承認できる人がいません）: jinji.cho@city.example");
    const mails = await outbox(`${dir}/outbox`);
    const zaisei = mails.find((m) => m.to[0] === "zaisei.cho@city.example")!;
    expect(zaisei.text).toContain("このアドレスは担当者シートで 財政 一郎（担当）、財政 花子（代理） が担当しています。ご承認は、このうちのどなたかからご返信ください。");
    expect(zaisei.html).toContain("財政 一郎（担当）、財政 花子（代理）");
    // A head's own address (no 担当者 row) reads as before.
    expect(mails.find((m) => m.to[0] === "kosodate.cho@city.example")!.text).not.toContain("担当者シート");
  });

  it("refuses anyone but the secretariat, and an unreadable month, sending nothing", async () => {
    const refused = runtime.run("sendPtHoursSummary", [], { user: "aoyama.haruka@city.example" });
    expect(refused.result).toMatchObject({ ok: false, reason: "forbidden" });
    const bad = runtime.run("sendPtHoursSummary", [{ month: "先月" }], { user: SECRETARIAT });
    expect(bad.ok).toBe(false);
    expect(bad.error?.message).toContain("月「先月」を解釈できません。「2026-11」のように指定してください。");
    expect(await outbox(`${dir}/outbox`)).toEqual([]);
    expect(sheetRecords(runtime, "送信記録")).toEqual([]);
  });
});
