// The 設定 sheet: defaults for blank or missing rows, and a message naming the row and value of each unreadable one.
import { describe, expect, it } from "vitest";
import { SETTING_SPECS, readSettings } from "../../src/core/settings";

const HEADER = ["項目", "値", "説明"];
const sheet = (...rows: unknown[][]) => [HEADER, ...rows];

const DEFAULTS = {
  事務局メール: [], 送信日: 1, 送信時刻: 9, 回答期限: 10, 再依頼: 7, 差出人名: "市政変革推進室", 返信先: "", "⑥の照会月": [5, 11], "所定労働時間/月": 155, 督促: false, 督促日: 1,
};

describe("readSettings", () => {
  it("uses the defaults when the sheet is empty, has only its header, or has blank values", () => {
    expect(readSettings([])).toEqual({ settings: DEFAULTS, errors: [] });
    expect(readSettings(sheet())).toEqual({ settings: DEFAULTS, errors: [] });
    expect(readSettings(sheet(["送信日", "", ""], ["差出人名", "　", ""]))).toEqual({ settings: DEFAULTS, errors: [] });
  });

  it("reads every setting as staff type it: full-width digits, Japanese commas, mixed-case addresses", () => {
    const { settings, errors } = readSettings(sheet(
      ["事務局メール", "Henkaku@City.Example、 second@city.example", ""],
      ["送信日", "２８", ""],
      ["送信時刻", 0, ""],
      ["回答期限", "25", ""],
      ["再依頼", 3, ""],
      ["差出人名", "財政・変革局", ""],
      ["返信先", "Reply@City.Example", ""],
      ["⑥の照会月", "4、10 12", ""],
      ["所定労働時間/月", "１６２.５", ""],
      ["督促", "ＯＮ", ""],
      ["督促日", "２", ""],
    ));
    expect(errors).toEqual([]);
    expect(settings).toEqual({
      事務局メール: ["henkaku@city.example", "second@city.example"], 送信日: 28, 送信時刻: 0, 回答期限: 25, 再依頼: 3,
      差出人名: "財政・変革局", 返信先: "reply@city.example", "⑥の照会月": [4, 10, 12], "所定労働時間/月": 162.5, 督促: true, 督促日: 2,
    });
  });

  it("finds 項目 and 値 by header wherever the columns are, and 項目 names with stray spaces", () => {
    const { settings } = readSettings([["説明", "値", "項目"], ["", "15", " 送信日 "]]);
    expect(settings.送信日).toBe(15);
  });

  it("names the row, the setting and the value it cannot read, says what is allowed, and uses the default", () => {
    const { settings, errors } = readSettings(sheet(
      ["送信時刻", "9時", ""],
      ["送信日", "29", ""],
      ["回答期限", "1.5", ""],
      ["事務局メール", "henkaku@city.example, 推進室", ""],
      ["返信先", "reply", ""],
      ["⑥の照会月", "5,13", ""],
    ));
    expect(settings).toEqual(DEFAULTS);
    expect(errors).toEqual([
      "設定 5行目 B列: 事務局メール「henkaku@city.example, 推進室」を解釈できません（市政変革推進室のメールアドレス（複数はカンマ区切り）。全件の閲覧・更新と回答状況のまとめ送付先）。既定値「」を使います。",
      "設定 3行目 B列: 送信日「29」を解釈できません（毎月の進捗確認メールを送る日（1〜28））。既定値「1」を使います。",
      "設定 2行目 B列: 送信時刻「9時」を解釈できません（送信する時刻（0〜23時））。既定値「9」を使います。",
      "設定 4行目 B列: 回答期限「1.5」を解釈できません（送信日から回答期限までの日数（1〜25））。既定値「10」を使います。",
      "設定 6行目 B列: 返信先「reply」を解釈できません（返信先メールアドレス（空欄なら送信者））。既定値「」を使います。",
      "設定 7行目 B列: ⑥の照会月「5,13」を解釈できません（整理区分⑥（所管課で継続検討）の課題も照会する月（カンマ区切り、空欄なら照会しない））。既定値「5,11」を使います。",
    ]);
  });

  it("reads a blank ⑥の照会月 as no ⑥ months, as its description says, and a missing row as the default", () => {
    expect(readSettings(sheet(["⑥の照会月", "", ""]))).toEqual({ settings: { ...DEFAULTS, "⑥の照会月": [] }, errors: [] });
    expect(readSettings(sheet(["⑥の照会月", "　", ""])).settings["⑥の照会月"]).toEqual([]);
    expect(readSettings(sheet(["送信日", "3", ""])).settings["⑥の照会月"]).toEqual([5, 11]);
  });

  it("refuses a 再依頼 not shorter than 回答期限, naming 再依頼's cell, and reminds the day before the deadline instead", () => {
    const same = readSettings(sheet(["回答期限", "10", ""], ["再依頼", "10", ""]));
    expect(same.settings.再依頼).toBe(9);
    expect(same.errors).toEqual(["設定 3行目 B列: 再依頼「10」日が回答期限「10」日より短くありません。再依頼は回答期限より短い日数にしてください。9日を使います。"]);
    // Columns found by header: 値 in column C.
    const moved = readSettings([["項目", "説明", "値"], ["再依頼", "", "12"]]);
    expect(moved.errors).toEqual(["設定 2行目 C列: 再依頼「12」日が回答期限「10」日より短くありません。再依頼は回答期限より短い日数にしてください。9日を使います。"]);
    // Only 回答期限 given, shorter than the default 再依頼: its row is named.
    const short = readSettings(sheet(["回答期限", "5", ""]));
    expect(short.settings.再依頼).toBe(4);
    expect(short.errors).toEqual(["設定 2行目 B列: 再依頼「7」日が回答期限「5」日より短くありません。再依頼は回答期限より短い日数にしてください。4日を使います。"]);
    expect(readSettings(sheet(["回答期限", "10", ""], ["再依頼", "9", ""])).errors).toEqual([]);
  });

  it("reads the 督促 switch as staff write it, and keeps the 督促 before next month's requests", () => {
    for (const on of ["する", "はい", "on", "TRUE", "○"]) expect(readSettings(sheet(["督促", on, ""])).settings.督促, on).toBe(true);
    for (const off of ["しない", "いいえ", "off", "FALSE", "×"]) expect(readSettings(sheet(["督促", off, ""])).settings.督促, off).toBe(false);
    expect(readSettings(sheet(["督促", "たぶん", ""])).errors).toEqual([
      "設定 2行目 B列: 督促「たぶん」を解釈できません（回答期限を過ぎても未回答の所管課があるとき、局区の代表メールへ督促メールを送るか（する／しない）。送るときは回答状況のまとめも督促のあとに送ります）。既定値「しない」を使います。",
    ]);
    expect(readSettings(sheet(["督促日", "8", ""])).errors).toHaveLength(1);
    const late = readSettings(sheet(["回答期限", "25", ""], ["督促日", "5", ""]));
    expect(late.settings.督促日).toBe(2);
    expect(late.errors).toEqual(["設定 3行目 B列: 回答期限「25」日と督促日「5」日の合計が27日を超えます。督促が翌月の依頼より後になるため、2日を使います。"]);
  });

  it("keeps the limits at their edges: 0 and 23 o'clock, 1 to 25 days", () => {
    const read = (key: string, value: string) => readSettings(sheet([key, value, ""]));
    expect(read("送信時刻", "23").errors).toEqual([]);
    expect(read("送信時刻", "24").errors).toHaveLength(1);
    expect(read("回答期限", "0").errors).toHaveLength(1);
    expect(read("回答期限", "26").errors).toHaveLength(1);
    expect(read("再依頼", "25").errors).toHaveLength(1);
    expect(read("送信日", "0").errors).toHaveLength(1);
  });

  it("has a default every setting can read", () => {
    for (const spec of SETTING_SPECS) expect(spec.parse(spec.default), spec.key).not.toBeUndefined();
  });
});
