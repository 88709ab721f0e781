// Who answered for each section: the people of 回答記録 for the address they answered for, named as 担当者 lists them.
import { describe, expect, it } from "vitest";
import { answererText, answerersByAddress } from "../../../src/core/follow-up/answerers";
import type { AnswerRecord } from "../../../src/core/contracts/answer-log";
import { readDirectory } from "../../../src/core/delegation";

const SECTION = "jinji-ka@city.example";
const DIRECTORY = readDirectory([
  ["氏名", "メール", "担当アドレス", "役割（担当／代理）", "開始日", "終了日"],
  ["山田 太郎", "taro@city.example", SECTION, "担当", "", ""],
  ["佐藤 花子", "hanako@city.example", SECTION, "代理", "", ""],
]);

function answer(回答者: string, 担当アドレス: string, 立場: string, サイクル = "2026-12"): AnswerRecord {
  return { 日時: null, サイクル, 回答者, 担当アドレス, 立場, ID: "R7-001", 回答: "変更なし" } as unknown as AnswerRecord;
}

describe("answerersByAddress", () => {
  it("names each person once per section, in the order they first answered, with their 立場", () => {
    const log = [
      answer("taro@city.example", SECTION, "担当"),
      answer("hanako@city.example", SECTION, "代理"),
      answer("taro@city.example", SECTION, "担当"),
      answer("henkaku@city.example", SECTION, "推進室"),
      answer("kankyo-ka@city.example", "", "本人"),
      answer("hanako@city.example", SECTION, "代理", "2026-11"),
    ];
    const byAddress = answerersByAddress(log, "2026-12", DIRECTORY);
    expect(answererText(byAddress.get(SECTION))).toBe("山田 太郎（担当）、佐藤 花子（代理）、henkaku@city.example（推進室）");
    // An address answering for itself (rows of older releases too: no 担当アドレス).
    expect(answererText(byAddress.get("kankyo-ka@city.example"))).toBe("kankyo-ka@city.example（本人）");
    expect(answererText(byAddress.get("nobody@city.example"))).toBe("");
  });
});
