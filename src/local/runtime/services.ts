// The Apps Script services of one execution, built over its ExecutionEnv.
import { createCacheService } from "../services/cache";
import { createContentService } from "../services/content";
import { createHtmlService } from "../services/html";
import { createLockService, releaseAll } from "../services/lock";
import { createMailApp, type MailTransport } from "../services/mail";
import { createPropertiesService } from "../services/properties";
import { createScriptApp } from "../services/script-app";
import { createSession } from "../services/session";
import type { ActiveSelection, SpreadsheetOptions } from "../services/spreadsheet/context";
import { createSpreadsheetApp } from "../services/spreadsheet/spreadsheet-app";
import { createUtilities } from "../services/utilities/utilities";
import type { WorkbookModel } from "../workbook/model";
import type { AddonBundle } from "./bundle";
import type { ExecutionEnv } from "../execution/env";

export type { MailTransport };

export interface ServiceDeps {
  model: WorkbookModel;
  bundle: AddonBundle;
  mail: MailTransport;
  lockDir: string;
  spreadsheetId: string;
  /** Runs template code in the add-on's own global scope. */
  evaluate(code: string, scope: Record<string, unknown>): unknown;
  onFlush?: () => void;
  /** The user's selection at the start, and where the execution's moves of it are reported. */
  selection?: ActiveSelection | null;
  onSelect?: (read: () => ActiveSelection) => void;
  /** SpreadsheetApp.create's new files. */
  createFile?: SpreadsheetOptions["createFile"];
}

export function createServices(env: ExecutionEnv, deps: ServiceDeps) {
  const lockService = createLockService(env, deps.lockDir);
  const globals: Record<string, object> = {
    SpreadsheetApp: createSpreadsheetApp(env, deps.model, {
      id: deps.spreadsheetId, onFlush: deps.onFlush, selection: deps.selection, onSelect: deps.onSelect,
      createFile: deps.createFile, oauthScopes: deps.bundle.oauthScopes,
    }),
    HtmlService: createHtmlService(env, { readFile: (name) => deps.bundle.readHtml(name), evaluate: deps.evaluate }),
    ScriptApp: createScriptApp(env, { spreadsheetId: deps.spreadsheetId }),
    PropertiesService: createPropertiesService(env),
    CacheService: createCacheService(env),
    LockService: lockService,
    Session: createSession(env),
    Utilities: createUtilities(env),
    ContentService: createContentService(env),
    MailApp: createMailApp(env, deps.mail),
  };
  return { globals, releaseLocks: () => releaseAll(lockService) };
}
