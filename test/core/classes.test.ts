import { describe, expect, it } from "vitest";
import { isDirection, isTracked, isUnsorted, parseAudience, parseDirection, parseProgress } from "../../src/core/contracts/classes";

describe("parseProgress", () => {
  it.each([1, "1", "分類1", "【分類1】", "対応済", "完了", "対応済(完了)", "対応済（完了）", "【分類1】対応済（完了）", "分類１"])(
    "reads %j as 完了",
    (input) => expect(parseProgress(input)).toBe("完了"),
  );
  it.each([
    2, "2", "分類2", "一部実施", "試行", "実施中", "一部実施・試行",
    "具体的な解決策を一部実施、又は試行の段階", "具体的な解決策を一部実施又は試行の段階",
  ])("reads %j as 実施中", (input) => expect(parseProgress(input)).toBe("実施中"));
  it.each([3, "3", "分類3", "【分類3】", "検討中", "実施準備", "検討中・実施準備", "具体的な解決策を検討中、又は実施準備の段階"])(
    "reads %j as 検討中",
    (input) => expect(parseProgress(input)).toBe("検討中"),
  );

  it("gives null for blank and undefined for unknown or contradictory text", () => {
    expect(parseProgress("")).toBeNull();
    expect(parseProgress(" ")).toBeNull();
    expect(parseProgress("済み")).toBeUndefined();
    expect(parseProgress(4)).toBeUndefined();
    expect(parseProgress("【分類1】検討中")).toBeUndefined();
  });
});

describe("parseDirection", () => {
  it("reads circled and plain digits 1–7", () => {
    expect(parseDirection("①")).toBe("①");
    expect(parseDirection("⑦")).toBe("⑦");
    expect(parseDirection(7)).toBe("⑦");
    expect(parseDirection("３")).toBe("③");
    expect(parseDirection("")).toBeNull();
    expect(parseDirection("⑧")).toBeUndefined();
    expect(parseDirection("0")).toBeUndefined();
  });

  it("reads 継続 and 年度内完了, which are no direction ①–⑦", () => {
    expect(parseDirection(" 継続 ")).toBe("継続");
    expect(parseDirection("年度内完了")).toBe("年度内完了");
    expect(parseDirection("継続中")).toBeUndefined();
    expect(isDirection(parseDirection("継続"))).toBe(false);
    expect(isDirection(parseDirection("７"))).toBe(true);
  });

  it("follows issues whose 整理区分 is 継続 or ⑦ only; blank is 未整理 and followed by nobody", () => {
    expect(isTracked("継続")).toBe(true);
    expect(isTracked("⑦")).toBe(true);
    expect(isTracked(null)).toBe(false);
    expect(isTracked("年度内完了")).toBe(false);
    expect(isTracked("⑥")).toBe(false);
    expect(isTracked("①")).toBe(false);
    expect(isUnsorted(parseDirection(""))).toBe(true);
    expect(isUnsorted(parseDirection("継続"))).toBe(false);
    expect(isUnsorted(parseDirection("⑨"))).toBe(false);
  });
});

describe("parseAudience", () => {
  it.each(["ユーザー", "利用者", "市民", "ﾕｰｻﾞｰ", " ユーザー "])("reads %j as ユーザー", (input) =>
    expect(parseAudience(input)).toBe("ユーザー"),
  );
  it("reads 職員 and rejects others", () => {
    expect(parseAudience("職員")).toBe("職員");
    expect(parseAudience("")).toBeNull();
    expect(parseAudience("管理職")).toBeUndefined();
  });
});
