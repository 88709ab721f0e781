// How an execution was started, and what the services may answer in it. Apps
// Script gives different answers per context (docs/apps-script-contexts.md);
// the runtime follows the strictest documented reading, so code that works here
// works in Sheets. Source keys are those of the reference's section S.

/** The execution's authorization mode, as ScriptApp.AuthMode names it (R-authmode). */
export type AuthModeName = "NONE" | "CUSTOM_FUNCTION" | "LIMITED" | "FULL";

export type ExecutionContext =
  /** A formula in a cell (G-cf). */
  | { kind: "custom-function" }
  /** onOpen/onEdit/onSelectionChange run by Sheets itself: LIMITED, or NONE for an add-on not yet used in the file (R-authmode). */
  | { kind: "simple-trigger"; authMode: "LIMITED" | "NONE" }
  /** An installable spreadsheet trigger, run as its creator (G-inst). */
  | { kind: "installable-trigger"; event: "ON_EDIT" | "ON_OPEN" | "ON_CHANGE"; owner: string }
  /** A time-driven trigger, run as its creator with nobody at a screen (G-inst). */
  | { kind: "time-driven"; owner: string }
  /** A custom menu item clicked in the open spreadsheet. */
  | { kind: "menu" }
  /** google.script.run from a sidebar or a dialog the script showed. */
  | { kind: "sidebar" }
  | { kind: "dialog" }
  /** doGet/doPost or google.script.run from a web-app page, executed as the deployer; `url` is the deployment's /exec or /dev URL. */
  | { kind: "web-app"; deployer: string; url: string };

export type ContextKind = ExecutionContext["kind"];

/** What the services of one execution answer, derived from its context and the person who started it. */
export interface ContextRules {
  authMode: AuthModeName;
  /** Session.getActiveUser(): blank wherever Apps Script may leave it blank (R-session). */
  activeUser: string;
  /** Session.getEffectiveUser(): whose authority the code runs with. */
  effectiveUser: string;
  /** getActive()/getActiveSpreadsheet() give the bound spreadsheet; otherwise null (G-bound, R-ssapp). */
  activeSpreadsheet: boolean;
  /** getUi() may be called (a host must still show it): only with a spreadsheet open in front of a user (R-ssapp, G-bound). */
  ui: boolean;
  /** getDocumentLock() gives a lock; otherwise null (R-locksvc). */
  documentLock: boolean;
}

/** The part after "@", lower-cased; "" for a blank address. */
function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}

export function contextRules(context: ExecutionContext, person: string): ContextRules {
  switch (context.kind) {
    case "custom-function":
      // G-cf: no authorization, read-only Spreadsheet, no Ui; R-session: the user is blank.
      return { authMode: "CUSTOM_FUNCTION", activeUser: "", effectiveUser: "", activeSpreadsheet: true, ui: false, documentLock: true };
    case "simple-trigger":
      // G-trig: may modify the bound file, identity may be blank; R-authmode: NONE gives no access to the document.
      return {
        authMode: context.authMode, activeUser: "", effectiveUser: person,
        activeSpreadsheet: context.authMode === "LIMITED", ui: true, documentLock: context.authMode === "LIMITED",
      };
    case "installable-trigger":
      // G-inst: runs as the creator; R-session: the editor's address is not guaranteed.
      return { authMode: "FULL", activeUser: "", effectiveUser: context.owner, activeSpreadsheet: true, ui: true, documentLock: true };
    case "time-driven":
      // G-inst: runs as the creator; nobody has the spreadsheet open, so there is no Ui.
      return { authMode: "FULL", activeUser: "", effectiveUser: context.owner, activeSpreadsheet: true, ui: false, documentLock: true };
    case "menu":
    case "sidebar":
    case "dialog":
      return { authMode: "FULL", activeUser: person, effectiveUser: person, activeSpreadsheet: true, ui: true, documentLock: true };
    case "web-app": {
      // G-bound: the active-container methods are not for web apps; R-session: "execute as me" shows the
      // visitor only within the deployer's domain; R-locksvc: no current document, so no document lock.
      const sameDomain = person !== "" && domainOf(person) === domainOf(context.deployer);
      return {
        authMode: "FULL", activeUser: sameDomain ? person : "", effectiveUser: context.deployer,
        activeSpreadsheet: false, ui: false, documentLock: false,
      };
    }
  }
}

/** The names `platina run --context` accepts, with what each stands for. */
export const CONTEXT_CHOICES = {
  menu: "メニューの項目（既定）",
  sidebar: "サイドバーからの google.script.run",
  dialog: "ダイアログからの google.script.run",
  "simple-trigger": "単純トリガー（LIMITED）",
  "simple-trigger-none": "単純トリガー（NONE）",
  "installable-edit-trigger": "インストール型の編集トリガー（--user が作成者）",
  "time-driven": "時間主導型トリガー（--user が作成者）",
  "web-app": "ウェブアプリ（--user が訪問者、--deployer が実行ユーザー）",
  "custom-function": "カスタム関数",
} as const;

export type ContextChoice = keyof typeof CONTEXT_CHOICES;

/** The context a CLI choice stands for; `user` is the person named by --user. */
export function contextFromChoice(choice: ContextChoice, user: string, deployer: string, webAppUrl: string | null): ExecutionContext {
  switch (choice) {
    case "menu":
    case "sidebar":
    case "dialog":
    case "custom-function":
      return { kind: choice };
    case "time-driven":
      return { kind: "time-driven", owner: user };
    case "simple-trigger":
      return { kind: "simple-trigger", authMode: "LIMITED" };
    case "simple-trigger-none":
      return { kind: "simple-trigger", authMode: "NONE" };
    case "installable-edit-trigger":
      return { kind: "installable-trigger", event: "ON_EDIT", owner: user };
    case "web-app":
      if (!webAppUrl) throw new Error("ウェブアプリがデプロイされていません（サイドカーの webAppUrl が空です）。");
      return { kind: "web-app", deployer, url: webAppUrl };
  }
}

/** The ExecutionEnv fields that follow from a context and the person who started it. */
export function contextIdentity(context: ExecutionContext, person: string) {
  const rules = contextRules(context, person);
  return { context, rules, activeUser: rules.activeUser, effectiveUser: rules.effectiveUser, authMode: rules.authMode };
}
