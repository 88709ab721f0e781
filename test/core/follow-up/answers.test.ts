// The answer form decided on plain values: what each posted issue changes, what
// stops the whole form before anything is saved, the receipt and 回答記録's row.
import { describe, expect, it } from "vitest";
import { ANSWER_LOG, answeredAddress } from "../../../src/core/contracts/answer-log";
import type { IssueRecord } from "../../../src/core/contracts/issues";
import {
  NO_CHANGE, answerChoices, answerEntry, answerUpdate, checkAnswer, currentContent, currentLine, problemLines, readAnswer, receiptBanner, savedValues,
} from "../../../src/core/follow-up/answers";
import { expectedOf } from "../../../src/core/issue-fields";
import { issueRecord } from "../../support/issue-record";

const OWNER = "jinji-ka@city.example";

function issue(overrides: Partial<IssueRecord> = {}): IssueRecord {
  return issueRecord({
    ID: "R7-010", 年度: "R7", 課題名: "書かない窓口", 区分: "ユーザー", 制度所管局: "総務市民局", 所管課: "人事課",
    担当者メール: OWNER, 整理区分: "⑦", 進捗分類: "検討中", 実施時期: "R8年度", 進捗メモ: "調整中",
    最終更新日: "2026-10-01T00:00:00.000Z", 最終更新者: "henkaku@city.example", ...overrides,
  });
}

/** The fields a browser posts for one issue, as the form was served from `served`. */
function posted(fields: Record<string, string>, served = issue()): Record<string, string> {
  return { [`base:${served.ID}`]: JSON.stringify(expectedOf(served)), [`timing:${served.ID}`]: served.実施時期, [`memo:${served.ID}`]: served.進捗メモ, ...fields };
}

describe("what an answer changes", () => {
  it("「変更なし」 with untouched boxes changes nothing, but still checks the issue against the form as served", () => {
    const answer = readAnswer(posted({ "answer:R7-010": NO_CHANGE }), issue());
    expect(answerUpdate(answer, issue())).toEqual({ id: "R7-010", expected: expectedOf(issue()), changes: {} });
  });

  it("sends a new class, and each box the owner changed (spaces and full-width forms are no change)", () => {
    const fields = posted({ "answer:R7-010": "実施中", "timing:R7-010": "Ｒ８年度 ", "memo:R7-010": "試行を開始" });
    expect(answerUpdate(readAnswer(fields, issue()), issue()).changes).toEqual({ 進捗分類: "実施中", 進捗メモ: "試行を開始" });
  });

  it("compares with what the owner was shown: a box left as served is no change even when the sheet changed since", () => {
    const now = issue({ 進捗メモ: "事務局が追記" });
    const update = answerUpdate(readAnswer(posted({ "answer:R7-010": NO_CHANGE }), now), now);
    expect(update.changes).toEqual({});
    expect(update.expected.進捗メモ).toBe("調整中"); // so the write path reports the conflict
  });

  it("keeps the issue's values for fields the post lacks, and checks nothing when the served values are unreadable", () => {
    const answer = readAnswer({ "answer:R7-010": NO_CHANGE, "base:R7-010": "{not json" }, issue());
    expect(answer.values).toMatchObject({ 実施時期: "R8年度", 進捗メモ: "調整中" });
    expect(answer.expected).toEqual({});
    expect(readAnswer({ "base:R7-010": JSON.stringify({ 進捗メモ: 5, 実施時期: "x", 担当者メール: "me@x" }) }, issue()).expected).toEqual({ 実施時期: "x" });
  });
});

describe("what stops the form before anything is saved", () => {
  it("a missing choice, and a box over its limit (counted in characters: an emoji is one)", () => {
    const check = (fields: Record<string, string>) => {
      const answer = readAnswer(posted(fields), issue());
      return checkAnswer(answer, answerUpdate(answer, issue()));
    };
    expect(check({})).toEqual({ missing: true, errors: { 進捗分類: "「変更なし」または新しい進捗分類を選んでください。" } });
    expect(check({ "answer:R7-010": "済み" }).missing).toBe(true);
    expect(check({ "answer:R7-010": NO_CHANGE, "memo:R7-010": "😀".repeat(2000) })).toEqual({ missing: false, errors: {} });
    expect(check({ "answer:R7-010": NO_CHANGE, "memo:R7-010": "😀".repeat(2001) })).toEqual({
      missing: false, errors: { 進捗メモ: "進捗メモは2000文字以内で入力してください（現在2001文字）。" },
    });
    const both = check({ "memo:R7-010": "あ".repeat(2001) });
    expect(problemLines([both, check({ "answer:R7-010": "完了" })])).toEqual([
      "1件の課題で回答が選ばれていません。",
      "1件の課題で入力内容を直す必要があります（各課題の赤字の説明をご確認ください）。",
    ]);
    expect(problemLines([check({}), check({})])).toEqual(["2件の課題で回答が選ばれていません。"]);
  });

  it("offers 「変更なし」 first, then the classes with their wording", () => {
    expect(answerChoices().map((c) => c.value)).toEqual([NO_CHANGE, "完了", "実施中", "検討中"]);
    expect(answerChoices()[2].help).toContain("【分類2】");
  });
});

describe("what the owner reads", () => {
  it("the current values above the inputs, as today's form words them", () => {
    expect(currentLine(issue())).toMatch(/^現在：検討中／実施時期 R8年度/);
    expect(currentLine(issue({ 進捗分類: "", 実施時期: "" }))).toMatch(/^現在：未設定／実施時期 —/);
    expect(currentLine(issue())).not.toContain("調整中"); // the memo is in its box below
    expect(currentContent(issue({ 進捗メモ: "" }))).toMatch(/^（現在の内容: 検討中／R8年度／.*—）$/);
    expect(savedValues(issue())).toEqual(expect.arrayContaining([
      { label: "実施時期", value: "R8年度", long: false },
      { label: "進捗メモ", value: "調整中", long: true },
    ]));
  });

  it("the thanks only when every answer was recorded; otherwise what was and what was not", () => {
    expect(receiptBanner([{ id: "R7-010", ok: true }, { id: "R7-011", ok: true }])).toEqual({ kind: "done", text: "ご回答ありがとうございました。以下の内容で記録しました。" });
    const partial = receiptBanner([{ id: "R7-010", ok: true }, { id: "R7-011", ok: false }, { id: "R7-012", ok: true }]);
    expect(partial.kind).toBe("partial");
    expect(partial.text).toContain("3件のうち2件を記録しました。1件（R7-011）は記録できませんでした。");
    expect(partial.text).not.toContain("ありがとうございました");
    const none = receiptBanner([{ id: "R7-010", ok: false }]);
    expect(none).toMatchObject({ kind: "partial" });
    expect(none.text).toContain("ご回答を記録できませんでした（R7-010）");
  });
});

describe("回答記録", () => {
  it("keeps who answered for which address, the choice as 回答 and each other field as saved, under the log's headers", () => {
    const at = new Date("2026-12-02T09:00:00+09:00");
    const answer = readAnswer(posted({ "answer:R7-010": "完了", "memo:R7-010": "本格実施" }), issue());
    const saved = issue({ 進捗分類: "完了", 進捗メモ: "本格実施" });
    const entry = answerEntry(at, "2026-12", { person: "hanako.jinji@city.example", onBehalfOf: OWNER, standing: "代理" }, answer, saved);
    const row = ANSWER_LOG.toRow(entry);
    expect(row.slice(0, 7)).toEqual([at, "2026-12", "hanako.jinji@city.example", OWNER, "代理", "R7-010", "完了"]);
    expect(answeredAddress(ANSWER_LOG.fromRows([ANSWER_LOG.headers, row]).rows[0].record)).toBe(OWNER);
    expect(row[ANSWER_LOG.headers.indexOf("実施時期")]).toBe("R8年度");
    expect(row[ANSWER_LOG.headers.indexOf("進捗メモ")]).toBe("本格実施");
  });

  it("says 不明 for the person when Apps Script named no one, the address answered for still known", () => {
    const entry = answerEntry(new Date(), "2026-12", { person: "", onBehalfOf: OWNER, standing: "不明" }, readAnswer(posted({ "answer:R7-010": "変更なし" }), issue()), issue());
    expect([entry.回答者, entry.担当アドレス, entry.立場]).toEqual(["不明", OWNER, "不明"]);
    expect(answeredAddress({ 回答者: OWNER, 担当アドレス: "" })).toBe(OWNER); // a row of an older release
  });
});
