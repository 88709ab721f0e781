// A 局区's survey answer decided on plain values: what the form refuses, and — on the
// sheet as it is now — which rows change, which are added, and what 履歴 gets.
import { describe, expect, it } from "vitest";
import { LIMITS, planSurveySave, validateSubmission, type PlanContext, type ReformEdit, type Submission } from "../../../src/core/survey/submission";

const REP = "somu@city.example";
const NOW = new Date("2026-06-10T10:00:00+09:00");
// A person 担当者 lists for the 局区's 代表メール answers: 履歴 names them, and the address they answered for.
const PERSON = "tadashi.somu@city.example";
const CONTEXT: PlanContext = { year: 8, yearLabel: "R8", email: REP, actor: { person: PERSON, onBehalfOf: REP, standing: "担当" }, now: NOW };

// 局区改革 with its columns in an order of its own: the plan must go by header.
const HEADER = ["局区名", "年度", "取組名", "担当者メール", "概要", "好事例"];
const COL = Object.fromEntries(HEADER.map((h, i) => [h, i])) as Record<string, number>;
function sheet(): unknown[][] {
  return [
    HEADER,
    ["総務市民局", "R8", "窓口のキャッシュレス化", REP, "全窓口で導入", true],
    ["総務市民局", "R8", "庁内チャット", REP, "", false],
    ["総務市民局", "R7", "ペーパーレス会議", REP, "R7の取組", false],
    ["環境局", "R8", "庁内チャット", "kankyo@city.example", "環境局の取組", "TRUE"],
  ];
}

const values = (取組名: string, 概要 = "", 好事例 = false) => ({ 取組名, 概要, 好事例 });
const edit = (key: string, base: ReturnType<typeof values>, next: ReturnType<typeof values>, 局区名 = "総務市民局"): ReformEdit => ({ key, 局区名, base, next });
const CASHLESS = values("窓口のキャッシュレス化", "全窓口で導入", true);
const CHAT = values("庁内チャット");
const submission = (parts: Partial<Submission>): Submission => ({ edits: [], adds: [], ...parts });
const history = (ID: string, 項目: string, 変更前: string, 変更後: string) => ({ 日時: NOW, 利用者: PERSON, ID, 項目, 変更前, 変更後, 経路: "局区照会", 担当アドレス: REP, 立場: "担当" });

describe("validateSubmission", () => {
  it("accepts an answer within the limits", () => {
    const ok = submission({
      edits: [edit("e1", CASHLESS, values("窓口のキャッシュレス化", "あ".repeat(LIMITS.概要), true))],
      adds: [{ key: "a1", 局区名: "総務市民局", next: values("い".repeat(LIMITS.取組名)) }],
    });
    expect(validateSubmission(ok).size).toBe(0);
  });

  it("names the field, the limit and the length (spaces around do not count) by form key", () => {
    const errors = validateSubmission(submission({
      edits: [edit("e1", CASHLESS, values("窓口のキャッシュレス化", " " + "あ".repeat(1001) + " "))],
      adds: [{ key: "a1", 局区名: "総務市民局", next: values("い".repeat(101), "概要") }],
    }));
    expect(Object.fromEntries(errors)).toEqual({
      e1: { 概要: "概要は1000文字以内で入力してください（現在1001文字）。" },
      a1: { 取組名: "取組名は100文字以内で入力してください（現在101文字）。" },
    });
  });

  it("asks for a name on a new row, and sends those who blank an existing one to the secretariat", () => {
    const errors = validateSubmission(submission({
      edits: [edit("e1", CHAT, values("　"))],
      adds: [{ key: "a1", 局区名: "総務市民局", next: values("", "概要だけ", true) }],
    }));
    expect(errors.get("a1")).toEqual({ 取組名: "取組名を入力してください（概要や好事例の候補だけでは登録できません）。" });
    expect(errors.get("e1")).toEqual({ 取組名: "取組名は空欄にできません。取組を取り下げる場合は、市政変革推進室にご連絡ください。" });
  });

  it("refuses a new or renamed row that repeats another name of the same 局区, however it is spaced or typed", () => {
    const errors = validateSubmission(submission({
      edits: [edit("e1", CASHLESS, CASHLESS), edit("e2", CHAT, values("窓口のキャッシュレス化 "))],
      adds: [{ key: "a1", 局区名: "総務市民局", next: values("庁内チャット") }, { key: "a2", 局区名: "環境局", next: values("窓口のキャッシュレス化") }],
    }));
    expect([...errors.keys()]).toEqual(["e2"]);
    expect(errors.get("e2")).toEqual({ 取組名: "同じ取組名「窓口のキャッシュレス化」の取組がほかにもあります。取組名を変えてください。" });
    const twins = validateSubmission(submission({ adds: [{ key: "a1", 局区名: "総務市民局", next: values("新しい取組") }, { key: "a2", 局区名: "総務市民局", next: values("新しい取組") }] }));
    expect([...twins.keys()]).toEqual(["a1", "a2"]);
  });

  it("leaves older duplicates that were not renamed alone", () => {
    expect(validateSubmission(submission({ edits: [edit("e1", CHAT, CHAT), edit("e2", CHAT, values("庁内チャット", "追記"))] })).size).toBe(0);
  });
});

describe("planSurveySave: edits", () => {
  it("writes only the changed cells of the row, by header, with one 履歴 row per field", () => {
    const plan = planSurveySave(sheet(), submission({ edits: [edit("e1", CASHLESS, values(" 窓口のキャッシュレス化", " 全窓口とオンラインで導入 ", false))] }), CONTEXT);
    expect([...plan.cells]).toEqual([[1, new Map<string, unknown>([["概要", "全窓口とオンラインで導入"], ["好事例", false]])]]);
    expect(plan.appends).toEqual([]);
    expect(plan.history).toEqual([
      history("局区改革:総務市民局:窓口のキャッシュレス化", "概要", "全窓口で導入", "全窓口とオンラインで導入"),
      history("局区改革:総務市民局:窓口のキャッシュレス化", "好事例", "はい", "いいえ"),
    ]);
    expect(plan.results).toEqual([{
      key: "e1", 局区名: "総務市民局", 取組名: "窓口のキャッシュレス化", status: "updated", values: values("窓口のキャッシュレス化", "全窓口とオンラインで導入", false),
      changed: ["概要", "好事例"], message: "", current: null,
    }]);
  });

  it("records a rename under the new name, with the old name in 変更前", () => {
    const plan = planSurveySave(sheet(), submission({ edits: [edit("e1", CHAT, values("庁内チャットの全庁導入"))] }), CONTEXT);
    expect(plan.cells.get(2)).toEqual(new Map([["取組名", "庁内チャットの全庁導入"]]));
    expect(plan.history).toEqual([history("局区改革:総務市民局:庁内チャットの全庁導入", "取組名", "庁内チャット", "庁内チャットの全庁導入")]);
  });

  it("keeps text that looks like a formula exactly as typed", () => {
    const plan = planSurveySave(sheet(), submission({ edits: [edit("e1", CHAT, values("庁内チャット", "=HYPERLINK(\"http://x\")"))] }), CONTEXT);
    expect(plan.cells.get(2)?.get("概要")).toBe("=HYPERLINK(\"http://x\")");
  });

  it("reports a row saved as it was as unchanged, and writes nothing", () => {
    const plan = planSurveySave(sheet(), submission({ edits: [edit("e1", CASHLESS, values("窓口のキャッシュレス化 ", "全窓口で導入", true))] }), CONTEXT);
    expect(plan.cells.size + plan.appends.length + plan.history.length).toBe(0);
    expect(plan.results[0]).toMatchObject({ status: "unchanged", 取組名: "窓口のキャッシュレス化" });
  });

  it("leaves a row someone changed since it was loaded, and shows its current values", () => {
    const now = sheet();
    now[1][COL.概要] = "ほかの方の更新";
    const plan = planSurveySave(now, submission({ edits: [edit("e1", CASHLESS, values("窓口のキャッシュレス化", "私の更新", true))] }), CONTEXT);
    expect(plan.cells.size + plan.history.length).toBe(0);
    expect(plan.results[0]).toMatchObject({
      status: "failed", message: "ほかの方がこの取組を先に更新しました。最新の内容を確認して、もう一度入力してください。",
      current: values("窓口のキャッシュレス化", "ほかの方の更新", true), values: values("窓口のキャッシュレス化", "私の更新", true),
    });
  });

  it("says so when the row is gone, and does not reach rows of another year or 局区", () => {
    const plan = planSurveySave(sheet(), submission({ edits: [edit("e1", values("ペーパーレス会議", "R7の取組"), values("ペーパーレス会議", "変更"))] }), CONTEXT);
    expect(plan.cells.size).toBe(0);
    expect(plan.results[0]).toMatchObject({ status: "failed", message: "取組「ペーパーレス会議」が見つかりません。削除されたか、取組名が変更された可能性があります。" });
    const other = planSurveySave(sheet(), submission({ edits: [edit("e1", CHAT, values("庁内チャット", "変更"))] }), CONTEXT);
    expect([...other.cells.keys()]).toEqual([2]); // not 環境局's row of the same name
  });

  it("refuses a rename to a name the sheet already has for the 局区", () => {
    const plan = planSurveySave(sheet(), submission({ edits: [edit("e1", CHAT, values("窓口のキャッシュレス化"))] }), CONTEXT);
    expect(plan.cells.size + plan.history.length).toBe(0);
    expect(plan.results[0]).toMatchObject({ status: "failed", message: "同じ取組名「窓口のキャッシュレス化」の取組がすでにあります。取組名を変えてください。" });
  });

  it("gives each of two rows of the same name its own edit", () => {
    const twins = [...sheet(), ["総務市民局", "R8", "庁内チャット", REP, "", false]];
    const plan = planSurveySave(twins, submission({ edits: [edit("e1", CHAT, values("庁内チャット", "一つ目")), edit("e2", CHAT, values("庁内チャット", "二つ目"))] }), CONTEXT);
    expect([...plan.cells].map(([row, cells]) => [row, cells.get("概要")])).toEqual([[2, "一つ目"], [5, "二つ目"]]);
  });
});

describe("planSurveySave: additions", () => {
  it("appends a row in the sheet's column order with the year, the 局区 and its address, logging the filled fields", () => {
    const plan = planSurveySave(sheet(), submission({ adds: [{ key: "a1", 局区名: "総務市民局", next: values(" ペーパーレス会議 ", "R8も継続", false) }] }), CONTEXT);
    expect(plan.appends).toEqual([["総務市民局", "R8", "ペーパーレス会議", REP, "R8も継続", false]]);
    expect(plan.history).toEqual([
      history("局区改革:総務市民局:ペーパーレス会議", "取組名", "", "ペーパーレス会議"),
      history("局区改革:総務市民局:ペーパーレス会議", "概要", "", "R8も継続"),
    ]);
    expect(plan.results[0]).toMatchObject({ status: "added", changed: ["取組名", "概要"] });
  });

  it("refuses a name the 局区 already has this year, also one added in the same answer", () => {
    const plan = planSurveySave(sheet(), submission({
      edits: [edit("e1", CHAT, values("新しいチャット"))],
      adds: [
        { key: "a1", 局区名: "総務市民局", next: values("庁内チャット ") },
        { key: "a2", 局区名: "総務市民局", next: values("新しいチャット") },
        { key: "a3", 局区名: "総務市民局", next: values("新しい取組", "", true) },
        { key: "a4", 局区名: "総務市民局", next: values("新しい取組") },
      ],
    }), CONTEXT);
    // The renamed row frees its old name; the rename takes the new one first.
    expect(plan.results.map((r) => [r.key, r.status])).toEqual([["e1", "updated"], ["a1", "added"], ["a2", "failed"], ["a3", "added"], ["a4", "failed"]]);
    expect(plan.results.find((r) => r.key === "a2")?.message).toBe("同じ取組名「新しいチャット」の取組がすでにあります（ほかの方が先に登録した可能性があります）。");
    expect(plan.appends.map((row) => row[COL.取組名])).toEqual(["庁内チャット", "新しい取組"]);
    expect(plan.history.filter((h) => h.項目 === "好事例")).toEqual([history("局区改革:総務市民局:新しい取組", "好事例", "", "はい")]);
  });
});
