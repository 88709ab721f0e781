// The execution-context matrix of docs/apps-script-contexts.md, one test per cell,
// on a hand-written bundle that asks every service what it answers.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SEED } from "../../../src/local/demo-workbook";
import { contextIdentity, workspaceDomain, type ExecutionContext, type Workspace } from "../../../src/local/execution/contexts";
import { createScriptApp } from "../../../src/local/services/script-app";
import type { TriggerRecord, UiHost } from "../../../src/local/execution/env";
import { openWorkbook } from "../../../src/local/runtime/open";
import { sidecarPath } from "../../../src/local/workbook/sidecar";
import { fixtureBundle, tempDir, testRuntime } from "../../support/runtime";

/** The matrix's Workspace domain: USER and OWNER are its accounts, OUTSIDER is not. */
const DOMAIN: Workspace = { domain: "city.platina.example", strictUsers: false };
const STRICT: Workspace = { ...DOMAIN, strictUsers: true };
const USER = "tanaka@city.platina.example";
const OWNER = "suishin@city.platina.example";
const OUTSIDER = "visitor@gmail.com";
const EXEC = "http://127.0.0.1:8787/exec";

const code = `
function probe(id) {
  var out = {};
  function ask(name, f) { try { out[name] = f(); } catch (e) { out[name] = "throws: " + e.message; } }
  ask("activeSpreadsheet", function () { var ss = SpreadsheetApp.getActiveSpreadsheet(); return ss === null ? null : ss.getId(); });
  ask("getActive", function () { var ss = SpreadsheetApp.getActive(); return ss === null ? null : ss.getId(); });
  ask("activeSheet", function () { return SpreadsheetApp.getActiveSheet().getName(); });
  ask("ui", function () { SpreadsheetApp.getUi().alert("x"); return "ui"; });
  ask("documentLock", function () { return LockService.getDocumentLock() === null ? null : "lock"; });
  ask("activeUser", function () { return Session.getActiveUser().getEmail(); });
  ask("effectiveUser", function () { return Session.getEffectiveUser().getEmail(); });
  ask("openById", function () { return SpreadsheetApp.openById(id).getSheets().length; });
  ask("properties", function () { return PropertiesService.getScriptProperties().getProperty("k"); });
  ask("triggers", function () { return ScriptApp.getProjectTriggers().length; });
  ask("mail", function () { return MailApp.getRemainingDailyQuota() > 0; });
  return out;
}
/** @customfunction */
function PROBE(id) { return JSON.stringify(probe(id)); }
function onEdit(e) { return [e.user.getEmail(), Session.getActiveUser().getEmail()]; }
function onProbeEdit(e) { return [e.user.getEmail(), Session.getEffectiveUser().getEmail()]; }
function onTimer() { return probe(SpreadsheetApp.getActiveSpreadsheet().getId()); }
function doGet(e) { return ContentService.createTextOutput(JSON.stringify([probe(e.parameter.id), ScriptApp.getService().getUrl()])); }
function url() { return ScriptApp.getService().getUrl(); }
function ownTriggers() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }); }
function deleteByUid(uid) { ScriptApp.deleteTrigger({ getUniqueId: function () { return uid; } }); return "deleted"; }
function deleteGiven(trigger) { ScriptApp.deleteTrigger(trigger); return "deleted"; }
function deleteMine(uid) {
  ScriptApp.getProjectTriggers().filter(function (t) { return t.getUniqueId() === uid; }).forEach(function (t) { ScriptApp.deleteTrigger(t); });
  return "deleted";
}
function openOther() { return SpreadsheetApp.openById("1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms").getName(); }
`;

/** Answers every alert with OK, so that a Ui that works says so. */
const ui: UiHost = {
  alert: () => "OK",
  prompt: () => ({ button: "OK", text: "" }),
  showSidebar: () => undefined,
  showDialog: () => undefined,
  toast: () => undefined,
  addMenu: () => undefined,
};

function setUp(workspace: Workspace = DOMAIN) {
  const t = testRuntime({ bundleDir: fixtureBundle(code), demo: false, workspace });
  t.runtime.model.insertSheet("S");
  t.runtime.state.scriptProperties.k = "v";
  t.runtime.state.webAppUrl = EXEC;
  return t;
}

function trigger(fields: Partial<TriggerRecord> & Pick<TriggerRecord, "handler" | "owner">): TriggerRecord {
  return { uid: `uid-${fields.handler}-${fields.owner}`, eventType: "CLOCK", source: "CLOCK", sourceId: null, schedule: null, nextRun: null, createdAt: 0, ...fields };
}

type Probe = Record<string, unknown>;

/** What each service answers in `context`, started by `person`. */
function probeIn(context: ExecutionContext | "custom-function", person = USER, workspace = DOMAIN): { answers: Probe; id: string } {
  const { runtime } = setUp(workspace);
  const id = runtime.spreadsheetId;
  if (context === "custom-function") {
    const sheet = runtime.model.getSheetByName("S")!;
    sheet.setCells(0, 0, [[{ kind: "formula", formula: `=PROBE("${id}")` }]]);
    return { answers: JSON.parse(String(runtime.readRange("S!A1")[0][0])) as Probe, id };
  }
  const execution = runtime.run("probe", [id], { context, user: person, ui });
  expect(execution.error).toBeUndefined();
  return { answers: execution.result as Probe, id };
}

const NO_PERMISSION = (service: string) => expect.stringMatching(new RegExp(`^throws: You do not have permission to call ${service}`));
const NO_UI = "throws: Cannot call SpreadsheetApp.getUi() from this context.";
const NO_ACTIVE = expect.stringMatching(/^throws: Cannot call SpreadsheetApp.getActiveSheet\(\) from this context: there is no active spreadsheet/);
const SHEETS = 1;

const webApp: ExecutionContext = { kind: "web-app", deployer: OWNER, url: EXEC };

/** One row per context: what each service answers there (docs/apps-script-contexts.md). */
const MATRIX: { name: string; context: ExecutionContext | "custom-function"; person?: string; expected: (id: string) => Probe }[] = [
  {
    name: "custom function",
    context: "custom-function",
    expected: (id) => ({
      activeSpreadsheet: id, getActive: id, activeSheet: "S", ui: NO_UI, documentLock: "lock", activeUser: "", effectiveUser: "",
      openById: NO_PERMISSION("SpreadsheetApp.openById"), properties: "v", triggers: NO_PERMISSION("ScriptApp"), mail: NO_PERMISSION("MailApp"),
    }),
  },
  {
    name: "simple trigger (LIMITED)",
    context: { kind: "simple-trigger", authMode: "LIMITED" },
    expected: (id) => ({
      activeSpreadsheet: id, getActive: id, activeSheet: "S", ui: "ui", documentLock: "lock", activeUser: "", effectiveUser: USER,
      openById: NO_PERMISSION("SpreadsheetApp.openById"), properties: "v", triggers: NO_PERMISSION("ScriptApp"), mail: NO_PERMISSION("MailApp"),
    }),
  },
  {
    name: "simple trigger (NONE)",
    context: { kind: "simple-trigger", authMode: "NONE" },
    expected: () => ({
      activeSpreadsheet: null, getActive: null, activeSheet: NO_ACTIVE, ui: "ui", documentLock: null, activeUser: "", effectiveUser: USER,
      openById: NO_PERMISSION("SpreadsheetApp.openById"), properties: NO_PERMISSION("PropertiesService"), triggers: NO_PERMISSION("ScriptApp"),
      mail: NO_PERMISSION("MailApp"),
    }),
  },
  {
    name: "installable edit trigger, editor and creator in the domain",
    context: { kind: "installable-trigger", event: "ON_EDIT", owner: OWNER },
    expected: (id) => ({
      activeSpreadsheet: id, getActive: id, activeSheet: "S", ui: "ui", documentLock: "lock", activeUser: USER, effectiveUser: OWNER,
      openById: SHEETS, properties: "v", triggers: 0, mail: true,
    }),
  },
  {
    name: "time-driven trigger, creator in the domain",
    context: { kind: "time-driven", owner: OWNER },
    expected: (id) => ({
      activeSpreadsheet: id, getActive: id, activeSheet: "S", ui: NO_UI, documentLock: "lock", activeUser: OWNER, effectiveUser: OWNER,
      openById: SHEETS, properties: "v", triggers: 0, mail: true,
    }),
  },
  ...(["menu", "sidebar", "dialog"] as const).map((kind) => ({
    name: kind === "menu" ? "menu item" : `${kind} google.script.run`,
    context: { kind } as ExecutionContext,
    expected: (id: string) => ({
      activeSpreadsheet: id, getActive: id, activeSheet: "S", ui: "ui", documentLock: "lock", activeUser: USER, effectiveUser: USER,
      openById: SHEETS, properties: "v", triggers: 0, mail: true,
    }),
  })),
  {
    name: "web app, visitor in the deployer's domain",
    context: webApp,
    expected: () => ({
      activeSpreadsheet: null, getActive: null, activeSheet: NO_ACTIVE, ui: NO_UI, documentLock: null, activeUser: USER, effectiveUser: OWNER,
      openById: SHEETS, properties: "v", triggers: 0, mail: true,
    }),
  },
  {
    name: "web app, visitor outside the domain",
    context: webApp,
    person: OUTSIDER,
    expected: () => ({
      activeSpreadsheet: null, getActive: null, activeSheet: NO_ACTIVE, ui: NO_UI, documentLock: null, activeUser: "", effectiveUser: OWNER,
      openById: SHEETS, properties: "v", triggers: 0, mail: true,
    }),
  },
];

/** Who Session.getActiveUser() names, per context, for a user in the domain, one outside it, and under the strictest reading. */
const WHO: { name: string; context: ExecutionContext | "custom-function"; inside: string; outside: string }[] = [
  { name: "custom function", context: "custom-function", inside: "", outside: "" },
  { name: "simple trigger", context: { kind: "simple-trigger", authMode: "LIMITED" }, inside: "", outside: "" },
  { name: "installable edit trigger", context: { kind: "installable-trigger", event: "ON_EDIT", owner: OWNER }, inside: USER, outside: "" },
  { name: "installable change trigger", context: { kind: "installable-trigger", event: "ON_CHANGE", owner: OWNER }, inside: USER, outside: "" },
  { name: "time-driven trigger", context: { kind: "time-driven", owner: OWNER }, inside: OWNER, outside: OWNER },
  { name: "menu item", context: { kind: "menu" }, inside: USER, outside: "" },
  { name: "sidebar", context: { kind: "sidebar" }, inside: USER, outside: "" },
  { name: "dialog", context: { kind: "dialog" }, inside: USER, outside: "" },
  { name: "web app", context: webApp, inside: USER, outside: "" },
];

describe("Session names users only within the Workspace domain (R-session)", () => {
  it.each(WHO.map((row) => [row.name, row] as const))("%s: the user in the domain, blank outside it and under the strictest reading", (_name, row) => {
    expect(probeIn(row.context, USER).answers.activeUser).toBe(row.inside);
    expect(probeIn(row.context, OUTSIDER).answers.activeUser).toBe(row.outside);
    expect(probeIn(row.context, USER, STRICT).answers.activeUser).toBe("");
  });

  it("names nobody when the creator or deployer is outside the domain, nor any account of a runtime without one (consumer accounts)", () => {
    const outsiderTrigger: ExecutionContext = { kind: "installable-trigger", event: "ON_EDIT", owner: OUTSIDER };
    expect(probeIn(outsiderTrigger, USER).answers.activeUser).toBe("");
    expect(probeIn({ kind: "time-driven", owner: OUTSIDER }, USER).answers.activeUser).toBe("");
    expect(probeIn({ kind: "web-app", deployer: OUTSIDER, url: EXEC }, USER).answers.activeUser).toBe("");
    const consumer: Workspace = { domain: null, strictUsers: false };
    const gmail = "owner@gmail.com";
    expect(probeIn({ kind: "web-app", deployer: gmail, url: EXEC }, OUTSIDER, consumer).answers.activeUser).toBe("");
    expect(probeIn({ kind: "menu" }, OUTSIDER, consumer).answers).toMatchObject({ activeUser: "", effectiveUser: OUTSIDER });
  });

  it("keeps the effective user under the strictest reading: the code still runs with someone's authority", () => {
    expect(probeIn({ kind: "menu" }, USER, STRICT).answers.effectiveUser).toBe(USER);
    expect(probeIn({ kind: "time-driven", owner: OWNER }, USER, STRICT).answers.effectiveUser).toBe(OWNER);
    expect(probeIn(webApp, USER, STRICT).answers.effectiveUser).toBe(OWNER);
  });

  it("refuses a consumer domain or a malformed one as the Workspace domain, in Japanese", () => {
    expect(() => workspaceDomain("gmail.com")).toThrow(/Google Workspace のドメインではありません/);
    expect(() => setUp({ domain: "GoogleMail.com", strictUsers: false })).toThrow(/Google Workspace のドメインではありません/);
    expect(() => workspaceDomain("city example")).toThrow("ドメイン「city example」を読めません。例: city.example");
    expect(workspaceDomain(" @City.Example ")).toBe("city.example");
  });
});

describe("the execution-context matrix", () => {
  const cells = MATRIX.flatMap((row) => Object.keys(row.expected("id")).map((column) => ({ row, column })));
  it.each(cells.map((c) => [c.row.name, c.column, c] as const))("%s: %s", (_name, column, { row }) => {
    const { answers, id } = probeIn(row.context, row.person);
    expect(answers[column]).toEqual(row.expected(id)[column]);
  });
});

describe("how the runtime starts executions", () => {
  it("runs onEdit as a simple trigger (e.user blank) and an installable edit trigger as its creator (e.user the editor, within the domain)", () => {
    const edit = (workspace: Workspace, user: string) => {
      const { runtime } = setUp(workspace);
      runtime.state.triggers.push(trigger({ handler: "onProbeEdit", owner: OWNER, eventType: "ON_EDIT", source: "SPREADSHEETS", sourceId: runtime.spreadsheetId }));
      return runtime.fireEdit({ sheet: "S", a1: "A1", user, value: "x" }).map((r) => r.result);
    };
    expect(edit(DOMAIN, USER)).toEqual([["", ""], [USER, OWNER]]);
    expect(edit(DOMAIN, OUTSIDER)).toEqual([["", ""], ["", OWNER]]);
    expect(edit(STRICT, USER)).toEqual([["", ""], ["", OWNER]]);
  });

  it("runs a time-driven trigger as its creator, without a Ui; the creator is the active user within the domain", () => {
    const fire = (workspace: Workspace) => {
      const { runtime } = setUp(workspace);
      const timer = trigger({ handler: "onTimer", owner: OWNER, schedule: { kind: "once", at: 0 }, nextRun: 0 });
      runtime.state.triggers.push(timer);
      return runtime.fireTimeTrigger(timer, 0).result as Probe;
    };
    expect(fire(DOMAIN)).toMatchObject({ ui: NO_UI, activeUser: OWNER, effectiveUser: OWNER, openById: SHEETS });
    expect(fire(STRICT)).toMatchObject({ activeUser: "", effectiveUser: OWNER });
  });

  it("runs doGet as the deployer with no active spreadsheet and no document lock, the visitor known only within the domain", () => {
    const { runtime } = setUp();
    const request = (visitor: string) => {
      const execution = runtime.webRequest({ method: "GET", query: `id=${runtime.spreadsheetId}`, visitor, deployer: OWNER });
      return JSON.parse((execution.result as { getContent(): string }).getContent()) as [Probe, string];
    };
    const [inside, url] = request(USER);
    expect(inside).toMatchObject({ activeSpreadsheet: null, documentLock: null, ui: NO_UI, activeUser: USER, effectiveUser: OWNER, openById: SHEETS });
    expect(url).toBe(EXEC);
    expect(request(OUTSIDER)[0].activeUser).toBe("");
    expect(request("")[0].activeUser).toBe("");
  });

  it("runs a custom function without the user's address, read-only", () => {
    expect(probeIn("custom-function").answers).toMatchObject({ activeUser: "", ui: NO_UI });
  });
});

describe("ScriptApp.getService().getUrl()", () => {
  it("is null before any deployment", () => {
    const { runtime } = setUp();
    runtime.state.webAppUrl = null;
    expect(runtime.run("url", [], { context: { kind: "menu" }, user: USER }).result).toBeNull();
  });

  it("is the /exec URL of a versioned deployment, in a menu item, a trigger and a request to /exec", () => {
    const { runtime } = setUp();
    expect(runtime.run("url", [], { context: { kind: "menu" }, user: USER }).result).toBe(EXEC);
    expect(runtime.run("url", [], { context: { kind: "time-driven", owner: OWNER } }).result).toBe(EXEC);
    expect(runtime.run("url", [], { context: webApp, user: USER }).result).toBe(EXEC);
  });

  it("is the /dev URL of the head deployment when that is all there is, and in a request to /dev", () => {
    const { runtime } = setUp();
    const dev = "http://127.0.0.1:8787/dev";
    expect(runtime.run("url", [], { context: { kind: "web-app", deployer: OWNER, url: dev }, user: USER }).result).toBe(dev);
    runtime.state.webAppUrl = dev;
    expect(runtime.run("url", [], { context: { kind: "menu" }, user: USER }).result).toBe(dev);
  });
});

describe("installable triggers belong to their creator", () => {
  function withTriggers() {
    const t = setUp();
    t.runtime.state.triggers.push(trigger({ handler: "mine", owner: USER }), trigger({ handler: "theirs", owner: OWNER }));
    return t;
  }

  it("lists only the caller's triggers", () => {
    const { runtime } = withTriggers();
    expect(runtime.run("ownTriggers", [], { context: { kind: "menu" }, user: USER }).result).toEqual(["mine"]);
    expect(runtime.run("ownTriggers", [], { context: { kind: "time-driven", owner: OWNER } }).result).toEqual(["theirs"]);
  });

  it("refuses to delete another account's trigger and keeps it", () => {
    const { runtime } = withTriggers();
    // The owner's own Trigger object, as only the owner's executions can hold it.
    const ownerEnv = { clock: runtime.options.clock, timeZone: "Asia/Tokyo", state: runtime.state, log: () => undefined, ui: null };
    const [theirs] = createScriptApp({ ...ownerEnv, ...contextIdentity({ kind: "time-driven", owner: OWNER }, "", DOMAIN) }, { spreadsheetId: runtime.spreadsheetId })
      .getProjectTriggers();
    const execution = runtime.run("deleteGiven", [theirs], { context: { kind: "menu" }, user: USER });
    expect(execution.ok).toBe(false);
    expect(execution.error?.message).toContain("belongs to another user");
    expect(runtime.state.triggers.map((t) => t.handler)).toEqual(["mine", "theirs"]);
  });

  it("takes only a Trigger, not an object that looks like one", () => {
    const { runtime } = withTriggers();
    const execution = runtime.run("deleteByUid", [`uid-theirs-${OWNER}`], { context: { kind: "menu" }, user: USER });
    expect(execution.error?.message).toBe("The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.");
    expect(runtime.state.triggers.map((t) => t.handler)).toEqual(["mine", "theirs"]);
  });

  it("deletes the caller's own trigger", () => {
    const { runtime } = withTriggers();
    expect(runtime.run("deleteMine", [`uid-mine-${USER}`], { context: { kind: "menu" }, user: USER }).result).toBe("deleted");
    expect(runtime.state.triggers.map((t) => t.handler)).toEqual(["theirs"]);
  });
});

describe("the spreadsheet's ID", () => {
  it("refuses another spreadsheet's ID, naming the one that can be opened", () => {
    const { runtime } = setUp();
    const execution = runtime.run("openOther", [], { context: { kind: "menu" }, user: USER });
    expect(execution.ok).toBe(false);
    expect(execution.error?.message).toContain("openById");
    expect(execution.error?.message).toContain(runtime.spreadsheetId);
  });

  it("is made once, kept in the sidecar and the same when the workbook is opened again", async () => {
    const dir = tempDir();
    const workbook = join(dir, "book.xlsx");
    const bundleDir = fixtureBundle(code);
    const first = await openWorkbook({ workbook, bundleDir, seed: DEMO_SEED });
    const id = first.runtime.spreadsheetId;
    expect(id).toMatch(/^[A-Za-z0-9_-]{44}$/);
    // Saved with the first save, even when nothing else changed.
    await first.save();
    expect(existsSync(sidecarPath(workbook))).toBe(true);
    expect(JSON.parse(readFileSync(sidecarPath(workbook), "utf8")).spreadsheetId).toBe(id);
    const again = await openWorkbook({ workbook, bundleDir });
    expect(again.runtime.spreadsheetId).toBe(id);
  });
});
