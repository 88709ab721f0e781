// Who may act for a section's address: the address itself, the people 担当者 lists for
// it on that day, and the secretariat — and a bad 担当者 row grants nothing.
import { describe, expect, it } from "vitest";
import { DELEGATES } from "../../src/core/contracts/delegates";
import { actFor, actedFor, addressesActedFor, addressesWithNobody, listedNames, peopleFor, readDirectory } from "../../src/core/delegation";

const SECTION = "jinji-ka@city.example";
const SECRETARIAT = ["henkaku@city.example"];

function sheet(rows: unknown[][]) {
  return [[...DELEGATES.headers], ...rows];
}

const directory = readDirectory(sheet([
  ["人事 太郎", "Taro.Jinji@city.example ", SECTION, "担当", "", "", ""],
  ["人事 花子", "hanako.jinji@city.example", " JINJI-KA@city.example", "代理", "2026/4/1", "2026/6/30", "産休代替"],
  ["総務 次郎", "jiro.somu@city.example", SECTION, "代理", new Date("2025-03-31T15:00:00Z"), "2026-03-31", "異動済み"],
  ["人事 太郎", "taro.jinji@city.example", "somu-ka@city.example", "", "", "", "兼務"],
]));

describe("readDirectory", () => {
  it("reads people, addresses (trimmed, lower-cased), roles (blank = 担当) and Tokyo days", () => {
    expect(directory.problems).toEqual([]);
    expect(directory.entries.map((d) => [d.rowNumber, d.person, d.address, d.role, d.start, d.end])).toEqual([
      [2, "taro.jinji@city.example", SECTION, "担当", null, null],
      [3, "hanako.jinji@city.example", SECTION, "代理", "2026-04-01", "2026-06-30"],
      [4, "jiro.somu@city.example", SECTION, "代理", "2025-04-01", "2026-03-31"],
      [5, "taro.jinji@city.example", "somu-ka@city.example", "担当", null, null],
    ]);
  });

  it("sets aside a bad row with its row, column, value and fix, and keeps the others", () => {
    const read = readDirectory(sheet([
      ["鈴木", "鈴木さん", SECTION, "担当", "", "", ""],
      ["佐藤", "sato@city.example", "jinji-ka@city,example", "代理", "", "", ""],
      ["田中", "tanaka@city.example", SECTION, "係長", "", "", ""],
      ["伊藤", "ito@city.example", SECTION, "代理", "2026/5/1", "2026/4/1", ""],
      ["山田", "yamada@city.example", SECTION, "代理", "らいねん", "", ""],
      ["人事 太郎", "taro.jinji@city.example", SECTION, "担当", "", "", ""],
    ]));
    expect(read.entries.map((d) => d.person)).toEqual(["taro.jinji@city.example"]);
    expect(read.problems.map((p) => [p.rowNumber, p.column, p.value])).toEqual([
      [2, "メール", "鈴木さん"],
      [3, "担当アドレス", "jinji-ka@city,example"],
      [4, "役割（担当／代理）", "係長"],
      [5, "終了日", "2026-04-01"],
      [6, "開始日", "らいねん"],
    ]);
    expect(read.problems[3].message).toContain("開始日（2026-05-01）より前");
    expect(read.problems[0].message).toContain("メールアドレス");
  });

  it("finds the columns by header wherever staff moved them", () => {
    const moved = readDirectory([
      ["終了日", "担当アドレス", "メール", "氏名"],
      ["", SECTION, "x@city.example", "X"],
    ]);
    expect(moved.entries[0]).toMatchObject({ person: "x@city.example", address: SECTION, role: "担当", name: "X" });
  });
});

describe("actFor", () => {
  it("lets the address itself act, as itself", () => {
    expect(actFor(" JINJI-KA@city.example", SECTION, "2026-05-01", directory, SECRETARIAT)).toMatchObject({ ok: true, by: "self" });
  });

  it("lets a listed person act on the days their row covers, and names how", () => {
    const deputy = actFor("hanako.jinji@city.example", SECTION, "2026-06-30", directory, SECRETARIAT);
    expect(deputy).toMatchObject({ ok: true, by: "listed", person: "hanako.jinji@city.example", address: SECTION });
    expect(actedFor(deputy as Extract<typeof deputy, { ok: true }>)).toEqual({ person: "hanako.jinji@city.example", onBehalfOf: SECTION, standing: "代理" });
  });

  it("refuses a deputy whose 終了日 has passed (or whose 開始日 has not come), naming who acts instead", () => {
    const ended = actFor("jiro.somu@city.example", SECTION, "2026-04-01", directory, SECRETARIAT);
    expect(ended).toMatchObject({ ok: false, reason: "lapsed" });
    if (ended.ok) throw new Error("unreachable");
    expect(ended.lapsed?.end).toBe("2026-03-31");
    expect(listedNames(ended.listed)).toBe("人事 太郎（担当）、人事 花子（代理）");
    expect(actFor("hanako.jinji@city.example", SECTION, "2026-03-31", directory, SECRETARIAT)).toMatchObject({ ok: false, reason: "lapsed" });
  });

  it("refuses someone not listed, and a blank user", () => {
    expect(actFor("stranger@city.example", SECTION, "2026-05-01", directory, SECRETARIAT)).toMatchObject({ ok: false, reason: "not listed" });
    expect(actFor("", SECTION, "2026-05-01", directory, SECRETARIAT)).toMatchObject({ ok: false, reason: "anonymous" });
  });

  it("lets the secretariat act for any address, marked as the secretariat", () => {
    const acting = actFor("Henkaku@city.example", SECTION, "2026-05-01", directory, SECRETARIAT);
    expect(acting).toMatchObject({ ok: true, by: "secretariat" });
    expect(actedFor(acting as Extract<typeof acting, { ok: true }>)).toEqual({ person: "henkaku@city.example", onBehalfOf: SECTION, standing: "推進室" });
  });

  it("never lets a bad row grant anything", () => {
    const bad = readDirectory(sheet([["X", "x@city.example", SECTION, "代理", "2026/5/1", "2026/4/1", ""]]));
    expect(actFor("x@city.example", SECTION, "2026-04-15", bad, SECRETARIAT)).toMatchObject({ ok: false, reason: "not listed" });
  });
});

describe("addresses and people", () => {
  it("gives a person their own address and every address they act for that day", () => {
    expect(addressesActedFor("taro.jinji@city.example", "2026-05-01", directory)).toEqual(["taro.jinji@city.example", SECTION, "somu-ka@city.example"]);
    expect(addressesActedFor("jiro.somu@city.example", "2026-05-01", directory)).toEqual(["jiro.somu@city.example"]);
    expect(addressesActedFor("", "2026-05-01", directory)).toEqual([]);
  });

  it("lists 担当 before 代理 for an address, only those covering the day", () => {
    expect(peopleFor(SECTION, "2026-05-01", directory).map((d) => d.name)).toEqual(["人事 太郎", "人事 花子"]);
    expect(peopleFor(SECTION, "2026-07-01", directory).map((d) => d.name)).toEqual(["人事 太郎"]);
  });

  it("finds addresses listed in 担当者 whose people have all left", () => {
    const left = readDirectory(sheet([["X", "x@city.example", "kaikei-ka@city.example", "担当", "", "2026/3/31", ""]]));
    expect(addressesWithNobody(["kaikei-ka@city.example", "own.person@city.example", SECTION], "2026-04-01", left)).toEqual(["kaikei-ka@city.example"]);
  });
});
