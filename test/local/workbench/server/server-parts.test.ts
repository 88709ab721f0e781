// The workbench's server-side pieces without a browser: who can sign in, what
// google.script.run hands back, how surfaces are served, how cells are edited.
import { describe, expect, it } from "vitest";
import { ISSUES } from "../../../../src/core/contracts/issues";
import { PT_MEMBERS } from "../../../../src/core/contracts/pt-members";
import { createDemoModel } from "../../../../src/local/demo-workbook";
import type { ExecutionResult } from "../../../../src/local/runtime/runtime";
import { emptyState } from "../../../../src/local/execution/env";
import { applyEdit, refuseEdit } from "../../../../src/local/workbench/grid/cell-edit";
import { scriptReply } from "../../../../src/local/workbench/worker/execution-view";
import { editText, readRows } from "../../../../src/local/workbench/grid/grid-window";
import { surfaceDocument } from "../../../../src/local/workbench/shim/surface-html";
import { describeSchedule } from "../../../../src/local/workbench/worker/trigger-view";
import { sharedAddressRefusal, workbookUsers } from "../../../../src/local/workbench/worker/users";
import { DELEGATES } from "../../../../src/core/contracts/delegates";
import type { CellInput } from "../../../../src/local/workbook/model";

function execution(result: unknown, ok = true): ExecutionResult {
  return { entryPoint: "f", user: "", ok, result, calls: {}, simulatedMs: 0, startedAt: 0, wallMs: 0, logs: [], error: ok ? undefined : { message: "だめ" } };
}

describe("workbench server parts", () => {
  it("offers people, never a shared address: 事務局 first, then the people 担当者 lists for each section and 局区, with the issues each answers for", () => {
    const model = createDemoModel();
    const settings = model.insertSheet("設定");
    settings.setCells(0, 0, [
      [{ kind: "value", value: "項目" }, { kind: "value", value: "値" }],
      [{ kind: "value", value: "事務局メール" }, { kind: "value", value: "Henkaku@City.example, shisei@city.example" }],
    ]);
    const { users, shared } = workbookUsers(model, "2026-11-25");
    const secretariat = { name: "", role: "事務局", group: "市政変革推進室", label: "事務局", issues: [], actsFor: "", lapsed: false };
    expect(users.slice(0, 2)).toEqual([{ email: "henkaku@city.example", ...secretariat }, { email: "shisei@city.example", ...secretariat }]);
    const issues = model.getSheetByName("課題")!;
    const rows = issues.getValues({ row: 1, column: 0, numRows: issues.getLastRow() - 1, numColumns: 7 });
    const idsWhere = (column: number, value: string) => rows.filter((r) => r[column] === value).map((r) => r[0]);
    // 人事課's 担当 and 代理, and the deputy whose period ended at the April transfers (listed, marked).
    const jinji = { role: "担当者", group: "総務市民局 人事課", issues: idsWhere(6, "jinji-ka@city.example"), actsFor: "jinji-ka@city.example" };
    expect(users.filter((u) => u.actsFor === "jinji-ka@city.example")).toEqual([
      { ...jinji, email: "taro.jinji@city.example", name: "山田 太郎", label: "担当", lapsed: false },
      { ...jinji, email: "hanako.jinji@city.example", name: "佐藤 花子", label: "代理", lapsed: false },
      { ...jinji, email: "ichiro.jinji@city.example", name: "鈴木 一郎", label: "代理・2026-03-31 で終了", lapsed: true },
    ]);
    expect(jinji.issues.length).toBeGreaterThan(0);
    // One person acting for two sections is offered under each.
    expect(users.filter((u) => u.email === "jiro.shokuin@city.example").map((u) => [u.group, u.label])).toEqual([["総務市民局 職員課", "担当"], ["総務市民局 人材育成課", "代理"]]);
    expect(users).toContainEqual(expect.objectContaining({ role: "局区代表", group: "会計室", email: "tadashi.kaikei@city.example", name: "宮本 正", actsFor: "kaikei@city.example", issues: idsWhere(4, "会計室") }));
    expect(users.filter((u) => u.role === "PTメンバー")).toHaveLength(10);
    expect(users).toContainEqual(expect.objectContaining({ email: "aoyama.haruka@city.example", name: "青山 遥", role: "PTメンバー", label: "チームA" }));
    // No shared address is a sign-in; each is listed with the people acting for it today.
    const addresses = new Set(shared.map((s) => s.address));
    expect(addresses).toContain("jinji-ka@city.example");
    expect(addresses).toContain("kaikei@city.example");
    expect(users.filter((u) => addresses.has(u.email))).toEqual([]);
    expect(shared.find((s) => s.address === "jinji-ka@city.example")).toEqual({
      address: "jinji-ka@city.example", group: "総務市民局 人事課",
      people: [{ email: "taro.jinji@city.example", name: "山田 太郎", role: "担当" }, { email: "hanako.jinji@city.example", name: "佐藤 花子", role: "代理" }],
    });
    expect(sharedAddressRefusal("Jinji-ka@city.example", shared)).toBe(
      "「jinji-ka@city.example」は総務市民局 人事課の共有アドレスです。Google Workspace では共有アドレスでログインする人はいないため、ワークベンチでも選べません。" +
        "担当者シートでこのアドレスを担当している 山田 太郎（担当）、佐藤 花子（代理） のだれかを選んでください。",
    );
    expect(sharedAddressRefusal("taro.jinji@city.example", shared)).toBeNull();
  });

  it("offers an address nobody is listed for as the person's own, reads 選考 as the add-on does, and offers nobody from a column the sheet lacks", () => {
    const model = createDemoModel();
    const delegates = model.getSheetByName(DELEGATES.name)!;
    delegates.deleteRows(1, delegates.getLastRow() - 1);
    const { users, shared } = workbookUsers(model, "2026-11-25");
    expect(shared).toEqual([]);
    expect(users).toContainEqual(expect.objectContaining({ email: "jinji-ka@city.example", role: "担当者", label: "本人のアドレス", actsFor: "" }));

    const members = model.getSheetByName(PT_MEMBERS.name)!;
    const header = members.getValues({ row: 0, column: 0, numRows: 1, numColumns: members.getLastColumn() })[0];
    const hired = { 年度: "R8", チーム: "チームB", 氏名: "新井 翼", 所属: "環境局 環境政策課", メール: "arai.tsubasa@city.example", 応募区分: "自主応募", 選考: "採用" };
    const row = PT_MEMBERS.toRow(hired, header).map((value): CellInput => (value === "" ? { kind: "empty" } : { kind: "value", value: String(value) }));
    members.setCells(members.getLastRow(), 0, [row]);
    expect(workbookUsers(model, "2026-11-25").users).toContainEqual(expect.objectContaining({ email: "arai.tsubasa@city.example", role: "PTメンバー", name: "新井 翼", label: "チームB" }));

    const issues = model.getSheetByName(ISSUES.name)!;
    const issueHeader = issues.getValues({ row: 0, column: 0, numRows: 1, numColumns: issues.getLastColumn() })[0];
    issues.deleteColumns(issueHeader.indexOf("担当者メール"), 1);
    const after = workbookUsers(model, "2026-11-25").users;
    expect(after.filter((u) => u.role === "担当者")).toEqual([]);
    expect(after.find((u) => u.email === "kaikei@city.example")?.issues.length).toBeGreaterThan(0);
  });

  it("hands google.script.run plain copies, and null with a warning for a value holding a Date", () => {
    expect(scriptReply(execution({ a: [1, undefined, "x"], f: () => 1, n: NaN }))).toEqual({ ok: true, value: { a: [1, null, "x"], n: null } });
    expect(scriptReply(execution({ nested: [{ at: new Date(0) }] }))).toEqual({
      ok: true,
      value: null,
      warning: "f の返り値に google.script.run で渡せない値（Date）が含まれるため、null を渡しました。",
    });
    expect(scriptReply(execution(undefined, false))).toEqual({ ok: false, error: "だめ" });
  });

  it("serves add-on HTML with a doctype and the shim ahead of the add-on's own scripts", () => {
    const config = { id: "s1", kind: "sidebar" as const, entryPoints: ["a"], hostOrigin: "http://127.0.0.1:8787" };
    const withHead = surfaceDocument('<!DOCTYPE html><html><head><script>mine()</script></head><body></body></html>', "SHIM", config);
    expect(withHead.indexOf("SHIM")).toBeLessThan(withHead.indexOf("mine()"));
    expect(withHead).toMatch(/^<!DOCTYPE html><html><head><meta charset="utf-8"><script>window.__platinaSurface = \{"id":"s1"/);
    expect(surfaceDocument("<p>こんにちは</p>", "SHIM", config)).toMatch(/^<!DOCTYPE html><head>.*SHIM.*<\/head>\n<p>こんにちは<\/p>$/s);
    // A "</script>" in the config cannot end the block early.
    expect(surfaceDocument("<p></p>", "", { ...config, entryPoints: ["</script>"] })).not.toContain('"</script>"');
  });

  it("writes typed input as Sheets reads it and refuses what a strict list rule forbids", () => {
    const model = createDemoModel();
    const sheet = model.getSheetByName("集計")!;
    const edit = (values: string[][]) => applyEdit(model, { sheet: "集計", row: 0, column: 5, values, user: "u@city.example" });
    expect(edit([["1,000"]])).toEqual({ a1: "F1", value: "1000" });
    expect(edit([["'=1+1"]])).toEqual({ a1: "F1", value: "=1+1", oldValue: "1000" });
    expect(edit([["10%", "TRUE"], ["2026/5/26", "=G2+1"]])).toEqual({ a1: "F1:G2" });
    const [row1, row2] = readRows(model, "集計", 0, 2).rows;
    expect([row1[5]?.v, row1[6]?.v, row2[5]?.v]).toEqual(["10%", "TRUE", "2026/05/26"]);
    expect(row2[6]).toMatchObject({ f: "=G2+1", k: "e" }); // a cycle

    sheet.setValidation({ row: 5, column: 5, numRows: 1, numColumns: 1 }, { criteria: "VALUE_IN_LIST", args: [["完了", "検討中"], true], allowInvalid: false, helpText: null });
    const refuse = (text: string) => refuseEdit(model, emptyState(), { sheet: "集計", row: 5, column: 5, values: [[text]], user: "u@city.example" });
    expect(refuse("完了")).toBeNull();
    expect(refuse("たぶん")).toBe("入力した値「たぶん」は、このセルの入力規則に違反しています。リストの値（完了、検討中）を入力してください。");
  });

  it("puts in the editor what gives the same value back, and says schedules in Japanese", () => {
    expect(editText("0123", "0123", "General", "Asia/Tokyo")).toBe("'0123");
    expect(editText("課題", "課題", "General", "Asia/Tokyo")).toBe("課題");
    expect(editText(0.125, "13%", "0%", "Asia/Tokyo")).toBe("12.5%");
    expect(editText(true, "TRUE", "General", "Asia/Tokyo")).toBe("TRUE");
    expect(describeSchedule({ kind: "everyDays", days: 1, atHour: 9, nearMinute: null })).toBe("毎日 9時頃");
    expect(describeSchedule({ kind: "everyWeeks", weeks: 1, weekDay: 1, atHour: 8, nearMinute: 30 })).toBe("毎週 月曜日 8時30分頃");
    expect(describeSchedule({ kind: "monthly", monthDay: 1, atHour: 9, nearMinute: null })).toBe("毎月1日 9時頃");
  });
});
