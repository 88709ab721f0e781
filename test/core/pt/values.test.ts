// How PT cells are read: days in Tokyo, hours, participants and the fixed vocabularies.
import { describe, expect, it } from "vitest";
import { parseActivityKind } from "../../../src/core/contracts/pt-activities";
import { parseApplicationKind, parseSelection } from "../../../src/core/contracts/pt-members";
import { parseStepState } from "../../../src/core/contracts/pt-steps";
import { parseTeamState } from "../../../src/core/contracts/pt-teams";
import { hoursOf, parseDay, parseMinutes, parseParticipants, parseTeam } from "../../../src/core/contracts/pt-values";

describe("parseDay", () => {
  it("reads a date cell as the Tokyo day it falls on", () => {
    // 2026-05-25T15:00Z is 00:00 on 5/26 in Tokyo; 14:59Z is still 5/25.
    expect(parseDay(new Date("2026-05-25T15:00:00Z"))).toBe("2026-05-26");
    expect(parseDay(new Date("2026-05-25T14:59:59Z"))).toBe("2026-05-25");
  });

  it("reads typed dates, full-width included", () => {
    expect(parseDay("2026/5/26")).toBe("2026-05-26");
    expect(parseDay("２０２６－０５－２６")).toBe("2026-05-26");
    expect(parseDay("2026年5月26日")).toBe("2026-05-26");
    expect(parseDay(" ")).toBeNull();
  });

  it("refuses what is not a real day", () => {
    expect(parseDay("2026/2/30")).toBeUndefined();
    expect(parseDay("来週")).toBeUndefined();
    expect(parseDay(46168)).toBeUndefined();
    expect(parseDay(new Date(Number.NaN))).toBeUndefined();
  });
});

describe("parseMinutes", () => {
  it("reads hours as staff write them, in whole minutes", () => {
    expect(parseMinutes(2)).toBe(120);
    expect(parseMinutes(1.5)).toBe(90);
    expect(parseMinutes("２．５")).toBe(150);
    expect(parseMinutes("2時間")).toBe(120);
    expect(parseMinutes("1時間30分")).toBe(90);
    expect(parseMinutes("90分")).toBe(90);
    expect(parseMinutes("1:30")).toBe(90);
    expect(parseMinutes("1.5h")).toBe(90);
    expect(parseMinutes(0)).toBe(0);
    expect(parseMinutes("")).toBeNull();
  });

  it("refuses negative, oversized and unreadable hours", () => {
    expect(parseMinutes(-1)).toBeUndefined();
    expect(parseMinutes(12)).toBe(720);
    expect(parseMinutes(12.01)).toBeUndefined();
    expect(parseMinutes("13時間")).toBeUndefined();
    expect(parseMinutes("半日")).toBeUndefined();
    expect(parseMinutes("1:75")).toBeUndefined();
    expect(parseMinutes(Number.NaN)).toBeUndefined();
  });

  it("shows minutes as hours to two decimals", () => {
    expect(hoursOf(1860)).toBe(31);
    expect(hoursOf(100)).toBe(1.67);
  });
});

describe("participants and teams", () => {
  it("splits on 、 and commas (full-width too) and drops empty entries", () => {
    expect(parseParticipants("青山 遥、石田 蓮，aoyama@city.example, ,")).toEqual(["青山 遥", "石田 蓮", "aoyama@city.example"]);
    expect(parseParticipants("  ")).toBeNull();
  });

  it("folds full-width letters and drops spaces in team names", () => {
    expect(parseTeam("チーム　Ａ")).toBe("チームA");
    expect(parseTeam("チーム A")).toBe("チームA");
    expect(parseTeam(" チームA ")).toBe("チームA");
  });
});

describe("vocabularies", () => {
  it("reads 応募区分", () => {
    expect(parseApplicationKind("推薦")).toBe("局区推薦");
    expect(parseApplicationKind("局区推薦")).toBe("局区推薦");
    expect(parseApplicationKind("自主")).toBe("自主応募");
    expect(parseApplicationKind("自主 応募")).toBe("自主応募");
    expect(parseApplicationKind("公募")).toBeUndefined();
    expect(parseApplicationKind("")).toBeNull();
  });

  it("reads 選考, blank meaning still 応募", () => {
    expect(parseSelection("")).toBe("応募");
    expect(parseSelection("選抜")).toBe("選出");
    expect(parseSelection("見送")).toBe("見送り");
    expect(parseSelection("保留")).toBeUndefined();
  });

  it("reads 種別 and the two 状態 lists", () => {
    expect(parseActivityKind("ﾋｱﾘﾝｸﾞ")).toBe("ヒアリング");
    expect(parseActivityKind("打ち合わせ")).toBe("協議");
    expect(parseActivityKind("飲み会")).toBeUndefined();
    expect(parseStepState("済")).toBe("完了");
    expect(parseStepState("実施中")).toBe("進行中");
    expect(parseTeamState("事業化")).toBe("立ち上げ");
    expect(parseTeamState("終わり")).toBeUndefined();
  });
});
