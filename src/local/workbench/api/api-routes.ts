// The page's JSON API under /api/: grid windows, edits, menus, dialog answers,
// user switching, triggers and the clock; and google.script.run for the surfaces.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isValidEmail, normalizeEmail } from "../../../core/base/text";
import type { ButtonName, ScriptReply, UiAnswer } from "../protocol/api-types";
import { HttpError, readJson, sendJson } from "../server/http";
import type { WorkbenchHub } from "../server/hub";
import { readSelection } from "./selection-input";
import { sharedAddressRefusal } from "../worker/users";

/** Rows per grid request: enough for a screen and some scrolling either way. */
const MAX_WINDOW = 500;
const BUTTONS = new Set<ButtonName>(["OK", "CANCEL", "YES", "NO", "CLOSE"]);

interface Context {
  hub: WorkbenchHub;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

function integer(text: string | null, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `${name} の値が不正です。`);
  return n;
}

function text(value: unknown, name: string): string {
  if (typeof value !== "string") throw new HttpError(400, `${name} がありません。`);
  return value;
}

const routes: Record<string, (ctx: Context) => Promise<unknown>> = {
  "GET /api/session": ({ hub }) => hub.session(),

  "GET /api/rows": ({ hub, url }) =>
    hub.worker.request("rows", {
      sheet: text(url.searchParams.get("sheet"), "sheet"),
      from: integer(url.searchParams.get("from"), "from", 0, Number.MAX_SAFE_INTEGER),
      count: integer(url.searchParams.get("count"), "count", 1, MAX_WINDOW),
    }),

  "POST /api/edit": async ({ hub, req }) => {
    const body = await readJson<{ sheet: unknown; row: unknown; column: unknown; values: unknown; confirmed?: unknown }>(req);
    const values = body.values;
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r) && r.every((v) => typeof v === "string"))) {
      throw new HttpError(400, "values は文字列の2次元配列で指定してください。");
    }
    return hub.worker.request("edit", {
      sheet: text(body.sheet, "sheet"),
      row: integer(String(body.row), "row", 0, Number.MAX_SAFE_INTEGER),
      column: integer(String(body.column), "column", 0, 18277),
      values: values as string[][],
      user: hub.user,
      confirmed: body.confirmed === true,
    });
  },

  /** The page's selection changed (the add-on's getActiveRange follows it). */
  "POST /api/selection": async ({ hub, req }) => {
    hub.selection = readSelection(await readJson<unknown>(req));
    return { ok: true };
  },

  "POST /api/open": async ({ hub }) => ({ menus: await hub.open() }),

  "POST /api/user": async ({ hub, req }) => {
    const email = normalizeEmail(text((await readJson<{ email: unknown }>(req)).email, "email"));
    if (email !== "" && !isValidEmail(email)) throw new HttpError(400, `「${email}」はメールアドレスとして読めません。`);
    const refusal = sharedAddressRefusal(email, (await hub.session()).shared);
    if (refusal) throw new HttpError(400, refusal);
    hub.user = email;
    hub.events.broadcast("user", { user: email });
    return { user: email, menus: await hub.open() };
  },

  "POST /api/menu": async ({ hub, req }) => {
    const body = await readJson<{ entry: unknown; selection?: unknown }>(req);
    // The menu click carries the selection itself, so that it cannot race a separate selection request.
    if (body.selection !== undefined) hub.selection = readSelection(body.selection);
    const entry = text(body.entry, "entry");
    return hub.worker.request("run", { entry, args: [], user: hub.user, surface: "menu", deployer: "", selection: hub.selection });
  },

  "POST /api/ui/answer": async ({ hub, req }) => {
    const body = await readJson<{ id: unknown; button: unknown; text: unknown }>(req);
    const button = text(body.button, "button") as ButtonName;
    if (!BUTTONS.has(button)) throw new HttpError(400, `ボタン「${button}」はありません。`);
    const answer: UiAnswer = { button, text: typeof body.text === "string" ? body.text : "" };
    return { answered: hub.answer(Number(body.id), answer) };
  },

  "GET /api/executions": async ({ hub }) => hub.executions,

  "GET /api/triggers": ({ hub }) => hub.worker.request("triggers", {}),

  "POST /api/triggers/run": async ({ hub, req }) =>
    hub.worker.request("fireTrigger", { uid: text((await readJson<{ uid: unknown }>(req)).uid, "uid") }),

  "POST /api/clock": async ({ hub, req }) => {
    const to = Number((await readJson<{ to: unknown }>(req)).to);
    if (!Number.isFinite(to)) throw new HttpError(400, "日時が不正です。");
    return hub.worker.request("advanceClock", { to });
  },
};

/** google.script.run from a sidebar, dialog or web-app page (served on the surfaces' origin, see surfaces/usercontent.ts). */
export async function runFromSurface(hub: WorkbenchHub, req: IncomingMessage): Promise<ScriptReply> {
  const body = await readJson<{ surface: unknown; name: unknown; args: unknown }>(req);
  const surface = hub.surface(text(body.surface, "surface"));
  if (!surface) return { ok: false, error: "この画面は古くなっています。開き直してください。" };
  if (!Array.isArray(body.args)) throw new HttpError(400, "args は配列で指定してください。");
  const webapp = surface.kind === "webapp";
  return hub.worker.request("run", {
    entry: text(body.name, "name"),
    args: body.args,
    // A tab opened as a mail's addressee runs its calls as them.
    user: surface.user ?? hub.user,
    surface: surface.kind,
    deployer: webapp ? await hub.deployer() : "",
    selection: hub.selection,
  });
}

/** Answers an /api/ request; false when no route matches. */
export async function handleApi(hub: WorkbenchHub, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const route = routes[`${req.method} ${url.pathname}`];
  if (!route) return false;
  sendJson(res, await route({ hub, req, res, url }));
  return true;
}
