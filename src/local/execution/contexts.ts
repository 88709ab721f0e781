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

/**
 * Whom Session may name. Apps Script hides the user wherever a script runs without that
 * user's authorization, but "these restrictions generally do not apply" within one Google
 * Workspace domain (R-session): the runtime names a user only inside its domain.
 */
export interface Workspace {
  /** The Google Workspace domain of the script's owner, trigger creators and the web app's deployer; null: no domain (consumer accounts). */
  domain: string | null;
  /** The strictest reading, for tests: Session.getActiveUser() and e.user are "" in every context. */
  strictUsers: boolean;
}

/** The city's domain, as the demo, the workbench and the tests name its accounts. */
export const DEFAULT_WORKSPACE: Workspace = { domain: "city.example", strictUsers: false };

/** Consumer accounts' domains: a gmail.com address belongs to no Google Workspace domain (G-quota tells the two apart). */
const CONSUMER_DOMAINS = new Set(["gmail.com", "googlemail.com"]);
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

/** A Workspace domain as given (CLI, workbench), lower-cased; a consumer or malformed domain is refused in Japanese. */
export function workspaceDomain(text: string): string {
  const domain = text.trim().replace(/^@/, "").toLowerCase();
  if (CONSUMER_DOMAINS.has(domain)) {
    throw new Error(`「${domain}」は個人の Google アカウントのドメインで、Google Workspace のドメインではありません（同じドメインの扱いになりません）。市のドメイン（例: city.example）を指定してください。`);
  }
  if (!DOMAIN.test(domain)) throw new Error(`ドメイン「${text}」を読めません。例: city.example`);
  return domain;
}

/** The part after "@", lower-cased; "" for a blank address. */
function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}

/** Whether Session may name `email`: an account of the Workspace domain, unless the strictest reading is on. */
function namedInDomain(email: string, workspace: Workspace): boolean {
  return !workspace.strictUsers && workspace.domain !== null && email !== "" && domainOf(email) === workspace.domain;
}

export function contextRules(context: ExecutionContext, person: string, workspace: Workspace): ContextRules {
  const named = (email: string) => namedInDomain(email, workspace);
  switch (context.kind) {
    case "custom-function":
      // G-cf: no authorization, read-only Spreadsheet, no Ui; R-session: the user is blank, in any domain.
      return { authMode: "CUSTOM_FUNCTION", activeUser: "", effectiveUser: "", activeSpreadsheet: true, ui: false, documentLock: true };
    case "simple-trigger":
      // G-trig: may modify the bound file, identity may be blank; R-authmode: NONE gives no access to the document.
      // R-session: runs without the user's authorization, so blank — the strict reading, even within the domain.
      return {
        authMode: context.authMode, activeUser: "", effectiveUser: person,
        activeSpreadsheet: context.authMode === "LIMITED", ui: true, documentLock: context.authMode === "LIMITED",
      };
    case "installable-trigger":
      // G-inst: runs as the creator; R-session: the editor is named only when editor and creator share the domain.
      return {
        authMode: "FULL", activeUser: named(context.owner) && named(person) ? person : "", effectiveUser: context.owner,
        activeSpreadsheet: true, ui: true, documentLock: true,
      };
    case "time-driven":
      // G-inst: runs as the creator, nobody at a screen (no Ui); R-session: the creator, within the domain.
      return {
        authMode: "FULL", activeUser: named(context.owner) ? context.owner : "", effectiveUser: context.owner,
        activeSpreadsheet: true, ui: false, documentLock: true,
      };
    case "menu":
    case "sidebar":
    case "dialog":
      // R-session: the user within the domain; outside it the strict reading leaves it blank.
      return { authMode: "FULL", activeUser: named(person) ? person : "", effectiveUser: person, activeSpreadsheet: true, ui: true, documentLock: true };
    case "web-app": {
      // G-bound: the active-container methods are not for web apps; R-session: "execute as me" shows the
      // visitor only within the deployer's domain; R-locksvc: no current document, so no document lock.
      return {
        authMode: "FULL", activeUser: named(context.deployer) && named(person) ? person : "", effectiveUser: context.deployer,
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
export function contextIdentity(context: ExecutionContext, person: string, workspace: Workspace) {
  const rules = contextRules(context, person, workspace);
  return { context, rules, activeUser: rules.activeUser, effectiveUser: rules.effectiveUser, authMode: rules.authMode };
}
