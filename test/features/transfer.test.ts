// 担当の引き継ぎ on the demo workbook: one address replaced everywhere the add-on reads
// addresses, previewed and confirmed first, logged in 履歴, refused when malformed,
// and a warning before merging into an address someone already uses.
import { beforeAll, describe, expect, it } from "vitest";
import type { ButtonName, UiHost } from "../../src/local/execution/env";
import type { Runtime } from "../../src/local/runtime/runtime";
import { MENU_ITEMS } from "../../src/features/menu";
import { SECRETARIAT, historyRows, issueRows, sheetRecords, spreadsheetReads, spreadsheetWrites } from "../support/issues";
import { testRuntime } from "../support/runtime";

const SECTION = "jinji-ka@city.example";
const NEW_SECTION = "jinji-shitsu@city.example";

/** A person at the sheet: types `typed` into the prompts in turn, answers the questions in turn, and may act meanwhile. */
function scriptedUi(typed: string[], answers: ButtonName[], meanwhile?: (question: number) => void) {
  const shown: string[] = [];
  let question = 0;
  const ui: UiHost = {
    prompt: (_title, text) => {
      shown.push(text);
      return { button: "OK", text: typed.shift() ?? "" };
    },
    alert: (_title, text, buttons) => {
      shown.push(text);
      if (buttons !== "YES_NO") return "OK";
      meanwhile?.(question);
      return answers[question++] ?? "NO";
    },
    showSidebar: () => undefined,
    showDialog: () => undefined,
    toast: () => undefined,
    addMenu: () => undefined,
  };
  return { ui, shown };
}

const owned = (runtime: Runtime, address: string) => issueRows(runtime).filter((r) => r.担当者メール === address).map((r) => String(r.ID));
const acting = (runtime: Runtime, address: string) => sheetRecords(runtime, "担当者").filter((r) => r.担当アドレス === address).map((r) => String(r.氏名));

describe("担当の引き継ぎ", () => {
  let runtime: Runtime;
  let ids: string[];
  let people: string[];

  beforeAll(() => {
    ({ runtime } = testRuntime({ setUp: true }));
    ids = owned(runtime, SECTION);
    people = acting(runtime, SECTION);
    expect(ids.length).toBeGreaterThan(3);
    expect(people).toHaveLength(3);
  });

  it("is on the menu, for the secretariat only", () => {
    expect(MENU_ITEMS.map((i) => i?.caption)).toContain("担当の引き継ぎ");
    const refused = runtime.run("transferAddress", [{ from: SECTION, to: NEW_SECTION, confirm: true }], { user: "taro.jinji@city.example" });
    expect(refused.result).toMatchObject({ ok: false, reason: "forbidden" });
    expect(owned(runtime, SECTION)).toEqual(ids);
  });

  it("refuses a malformed new address, saying what to type, and changes nothing", () => {
    const history = historyRows(runtime).length;
    for (const to of ["jinji-shitsu@city", "人事室", "a b@city.example", ""]) {
      const result = runtime.run("transferAddress", [{ from: SECTION, to, confirm: true }], { user: SECRETARIAT }).result as { reason: string; message: string };
      expect(result.reason, to).toBe("invalid");
      expect(result.message).toContain("「name@city.example」の形で入力し直してください");
    }
    const unknown = runtime.run("transferAddress", [{ from: "nobody@city.example", to: NEW_SECTION, confirm: true }], { user: SECRETARIAT }).result;
    expect(unknown).toMatchObject({ ok: false, reason: "not_found" });
    expect(owned(runtime, SECTION)).toEqual(ids);
    expect(historyRows(runtime)).toHaveLength(history);
  });

  it("without confirmation only previews the rows it would change", () => {
    const result = runtime.run("transferAddress", [{ from: SECTION, to: NEW_SECTION }], { user: SECRETARIAT }).result as { reason: string; preview: string };
    expect(result.reason).toBe("unconfirmed");
    expect(result.preview).toContain(`次の ${ids.length + people.length}か所を変更し、履歴に記録します`);
    for (const id of ids) expect(result.preview).toContain(`${id} `);
    expect(result.preview).toContain("担当者");
    expect(owned(runtime, SECTION)).toEqual(ids);
  });

  it("asks with the preview at the sheet; 「いいえ」 changes nothing", () => {
    const { ui, shown } = scriptedUi([SECTION, NEW_SECTION], ["NO"]);
    const result = runtime.run("transferAddress", [], { user: SECRETARIAT, ui }).result;
    expect(result).toMatchObject({ ok: false, reason: "cancelled" });
    expect(shown[2]).toContain(`「${SECTION}」を「${NEW_SECTION}」に置き換えます`);
    expect(owned(runtime, SECTION)).toEqual(ids);
  });

  it("refuses when the rows change between the preview and the write, and writes nothing", () => {
    const history = historyRows(runtime).length;
    // Someone adds an issue for the section while the question is open.
    const { ui, shown } = scriptedUi([SECTION, NEW_SECTION], ["YES"], () => {
      const sheet = runtime.model.getSheetByName("課題")!;
      const template = runtime.readRange("課題!A2:O2")[0];
      const header = runtime.readRange("課題!A1:O1")[0];
      const row = template.map((v, c) => ({ kind: "value" as const, value: header[c] === "ID" ? "R8-999" : header[c] === "担当者メール" ? SECTION : (v as string) }));
      sheet.setCells(sheet.getLastRow(), 0, [row]);
    });
    const result = runtime.run("transferAddress", [], { user: SECRETARIAT, ui }).result;
    expect(result).toMatchObject({ ok: false, reason: "changed" });
    expect(shown.at(-1)).toContain("もう一度「担当の引き継ぎ」を実行してください");
    expect(owned(runtime, NEW_SECTION)).toEqual([]);
    expect(historyRows(runtime)).toHaveLength(history);
    ids = owned(runtime, SECTION);
  });

  it("replaces the address in 課題 and 担当者 in one run, stamps the issues and logs every cell in 履歴, in a fixed number of calls", () => {
    const sheet = runtime.model.getSheetByName("課題")!;
    const template = runtime.readRange("課題!A2:O2")[0];
    const header = runtime.readRange("課題!A1:O1")[0];
    // Rows of other sections: the calls must not grow with them.
    const filler = (i: number) => template.map((v, c) => ({ kind: "value" as const, value: c === 0 ? `X-${i}` : header[c] === "担当者メール" ? "other-ka@city.example" : (v as string) }));
    sheet.setCells(sheet.getLastRow(), 0, Array.from({ length: 1000 }, (_, i) => filler(i)));
    const execution = runtime.run("transferAddress", [{ from: SECTION, to: NEW_SECTION, confirm: true }], { user: SECRETARIAT });
    expect(execution.result).toMatchObject({ ok: true, changed: ids.length + people.length, bySheet: { 課題: ids.length, 担当者: people.length } });
    expect(owned(runtime, SECTION)).toEqual([]);
    expect(owned(runtime, NEW_SECTION)).toEqual(ids);
    expect(acting(runtime, NEW_SECTION)).toEqual(people);
    for (const row of issueRows(runtime).filter((r) => ids.includes(String(r.ID)))) expect(row.最終更新者).toBe(SECRETARIAT);
    const logged = historyRows(runtime).filter((h) => h.経路 === "引き継ぎ");
    expect(logged).toHaveLength(ids.length + people.length);
    expect(logged.filter((h) => h.項目 === "担当者メール").map((h) => h.ID)).toEqual(ids);
    expect(logged.every((h) => h.変更前 === SECTION && h.変更後 === NEW_SECTION && h.利用者 === SECRETARIAT && h.立場 === "推進室")).toBe(true);
    // Two reads of each of the four sheets (the preview, then again under the lock) and 履歴's header; the column runs and one append.
    expect(spreadsheetReads(execution.calls)).toBeLessThanOrEqual(9);
    expect(spreadsheetWrites(execution.calls)).toBeLessThanOrEqual(4);
  });

  it("moves a 局区's 代表メール: the new representative sees the bureau's issues at once", () => {
    const before = runtime.run("getMyIssues", [], { user: "somushimin@city.example" }).result as unknown[];
    expect(before.length).toBeGreaterThan(0);
    const result = runtime.run("transferAddress", [{ from: "somushimin@city.example", to: "somu-shomu@city.example", confirm: true }], { user: SECRETARIAT }).result;
    expect(result).toMatchObject({ ok: true, bySheet: { 局区: 1, 担当者: 2 } });
    expect(sheetRecords(runtime, "局区").find((r) => r.局区名 === "総務市民局")?.代表メール).toBe("somu-shomu@city.example");
    expect(runtime.run("getMyIssues", [], { user: "somu-shomu@city.example" }).result).toHaveLength(before.length);
    expect(historyRows(runtime).find((h) => h.ID === "局区:総務市民局")).toMatchObject({ 項目: "代表メール", 経路: "引き継ぎ" });
  });

  it("moves a PT member's 所属長メール", () => {
    const result = runtime.run("transferAddress", [{ from: "jinji.cho@city.example", to: "jinji-shitsu.cho@city.example", confirm: true }], { user: SECRETARIAT }).result;
    expect(result).toMatchObject({ ok: true, bySheet: { PTメンバー: expect.any(Number) } });
    expect(sheetRecords(runtime, "PTメンバー").filter((r) => r.所属長メール === "jinji.cho@city.example")).toEqual([]);
  });

  it("warns before merging into an address someone already uses, naming where, and merges only when told", () => {
    const [taro, hanako] = ["taro.jinji@city.example", "hanako.jinji@city.example"];
    const { ui, shown } = scriptedUi([taro, hanako], ["YES", "NO"]);
    expect(runtime.run("transferAddress", [], { user: SECRETARIAT, ui }).result).toMatchObject({ ok: false, reason: "cancelled" });
    const warning = shown.find((t) => t.startsWith("【ご注意】"))!;
    expect(warning).toContain(`新しいアドレス「${hanako}」は、すでに次の 1か所で使われています`);
    expect(warning).toContain("担当者");
    expect(warning).toContain("同じ人・同じアドレスの行が重なります");
    expect(sheetRecords(runtime, "担当者").filter((r) => r.メール === taro)).toHaveLength(1);
    const cli = runtime.run("transferAddress", [{ from: taro, to: hanako, confirm: true }], { user: SECRETARIAT }).result;
    expect(cli).toMatchObject({ ok: false, reason: "merge" });
    const merged = runtime.run("transferAddress", [{ from: taro, to: hanako, confirm: true, merge: true }], { user: SECRETARIAT }).result;
    expect(merged).toMatchObject({ ok: true, changed: 1 });
    expect(sheetRecords(runtime, "担当者").filter((r) => r.メール === taro)).toEqual([]);
  });
});
