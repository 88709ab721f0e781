// Execution results as the page shows them: the log entry, and the value a
// google.script.run success handler receives.
import type { ExecutionResult } from "../../runtime/runtime";
import type { ExecutionView, ScriptReply } from "../protocol/api-types";

const PREVIEW_LENGTH = 300;

/** Class instances (services, outputs) of either realm, as opposed to plain data. */
function isInstance(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto !== null && Object.getPrototypeOf(proto) !== null;
}

/** A short text of a result for the log: JSON, with Dates as ISO text and services by class name. */
export function preview(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  let text: string;
  try {
    text = JSON.stringify(value, function (key, v) {
      const raw = (this as Record<string, unknown>)[key];
      if (Object.prototype.toString.call(raw) === "[object Date]") return (raw as Date).toISOString();
      if (v && typeof v === "object" && !Array.isArray(v) && isInstance(v)) return `[${v.constructor?.name ?? "object"}]`;
      return v;
    }) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
}

export function executionView(kind: ExecutionView["kind"], result: ExecutionResult, effectiveUser: string): Omit<ExecutionView, "id"> {
  return {
    kind,
    entryPoint: result.entryPoint,
    user: result.user,
    effectiveUser,
    startedAt: result.startedAt,
    wallMs: Math.round(result.wallMs * 10) / 10,
    simulatedMs: result.simulatedMs,
    ok: result.ok,
    result: result.ok ? preview(result.result) : undefined,
    error: result.error?.message,
    calls: result.calls,
    logs: result.logs,
  };
}

class Unsendable extends Error {}

/** Plain data copied as google.script.run copies it; a Date or other object in it cannot be sent. */
function copyForClient(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) return null;
    return typeof value === "function" ? undefined : value;
  }
  if (Object.prototype.toString.call(value) === "[object Date]") throw new Unsendable("Date");
  if (seen.has(value)) throw new Unsendable("循環参照");
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => copyForClient(v, seen) ?? null);
    if (isInstance(value)) throw new Unsendable(value.constructor?.name ?? "object");
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = copyForClient(v, seen);
      if (c !== undefined) copy[k] = c;
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}

/**
 * The reply to a google.script.run call. Apps Script does not fail when a return
 * value holds a Date: the client gets null. So does this, with a warning the shim
 * prints to the browser console.
 */
export function scriptReply(result: ExecutionResult): ScriptReply {
  if (!result.ok) return { ok: false, error: result.error?.message ?? "" };
  try {
    return { ok: true, value: copyForClient(result.result, new Set()) };
  } catch (error) {
    if (!(error instanceof Unsendable)) throw error;
    return {
      ok: true,
      value: null,
      warning: `${result.entryPoint} の返り値に google.script.run で渡せない値（${error.message}）が含まれるため、null を渡しました。`,
    };
  }
}
