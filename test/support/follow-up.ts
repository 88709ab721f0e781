// A runtime ready for the follow-up: 初期設定 done, the web app "deployed", a secretariat address.
import { listOutbox, type OutboxEntry } from "../../src/local/services/mail";
import type { FakeClock } from "../../src/local/runtime/clock";
import type { ButtonName, ButtonSetName, UiHost } from "../../src/local/execution/env";
import type { ExecutionResult, Runtime } from "../../src/local/runtime/runtime";
import { SECRETARIAT, setUp } from "./issues";

export const WEB_APP = "http://127.0.0.1:8787/exec";

/** 初期設定 (setUp), then the web app deployed: a runtime from testRuntime({ setUp: true }) needs only deployWebApp. */
export function prepareFollowUp(runtime: Runtime): void {
  setUp(runtime);
  deployWebApp(runtime);
}

/** The add-on's web app as deployed at WEB_APP, where answer links point. */
export function deployWebApp(runtime: Runtime): void {
  runtime.state.webAppUrl = WEB_APP;
}

export async function outbox(dir: string): Promise<OutboxEntry[]> {
  try {
    return await listOutbox(dir);
  } catch {
    return [];
  }
}

/** The answer link in a request mail's text. */
export function linkIn(text: string): string {
  const match = /https?:\/\/\S+\?t=[\w.-]+/.exec(text);
  if (!match) throw new Error(`no answer link in: ${text.slice(0, 200)}`);
  return match[0];
}

export function tokenOf(link: string): string {
  return new URL(link).searchParams.get("t") as string;
}

export function openForm(runtime: Runtime, link: string, visitor = ""): string {
  const execution = runtime.webRequest({ method: "GET", query: new URL(link).search.slice(1), visitor, deployer: SECRETARIAT });
  if (!execution.ok) throw new Error(execution.error?.message);
  return (execution.result as { getContent(): string }).getContent();
}

/** The form's page sends its fields through google.script.run, in the web app's context (as the deployer). */
export function submitFormExecution(runtime: Runtime, fields: Record<string, string>, visitor = ""): ExecutionResult {
  return runtime.run("submitAnswerForm", [fields], { context: { kind: "web-app", deployer: SECRETARIAT, url: WEB_APP }, user: visitor });
}

/** The page the server answers a sent form with: the receipt, or the form again. */
export function submitForm(runtime: Runtime, fields: Record<string, string>, visitor = ""): string {
  const execution = submitFormExecution(runtime, fields, visitor);
  if (!execution.ok) throw new Error(execution.error?.message);
  return execution.result as string;
}

/** The hidden and visible fields the form would post, with the owner's choices. */
export function formFields(html: string, answers: Record<string, { answer: string; timing?: string; memo?: string }>): Record<string, string> {
  const fields: Record<string, string> = {};
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[decode(m[1])] = decode(m[2]);
  for (const m of html.matchAll(/name="timing:([^"]+)" value="([^"]*)"/g)) fields[`timing:${decode(m[1])}`] = decode(m[2]);
  for (const m of html.matchAll(/name="memo:([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[`memo:${decode(m[1])}`] = decode(m[2]);
  for (const [id, a] of Object.entries(answers)) {
    fields[`answer:${id}`] = a.answer;
    if (a.timing !== undefined) fields[`timing:${id}`] = a.timing;
    if (a.memo !== undefined) fields[`memo:${id}`] = a.memo;
  }
  return fields;
}

/**
 * The monthly run as Apps Script starts it: the secretariat's 自動送信を設定 installs
 * the trigger and it fires now, with its event (the guard runs "trigger" entry points
 * only from the running account's own trigger).
 */
export function fireMonthlyRun(runtime: Runtime): ExecutionResult {
  const installed = runtime.run("installFollowUpTrigger", [], { user: SECRETARIAT });
  if (!installed.ok) throw new Error(installed.error?.message);
  const trigger = runtime.state.triggers.find((t) => t.handler === "runMonthlyFollowUp" && t.owner === SECRETARIAT);
  if (!trigger) throw new Error("自動送信のトリガーがありません");
  // atHour runs at a minute of its hour drawn when the trigger is made: fire it then (this hour), as Apps Script would,
  // so that the run is not due again later in the hour.
  const now = runtime.options.clock.now();
  const at = trigger.nextRun !== null && trigger.nextRun >= now && trigger.nextRun < now + 60 * 60 * 1000 ? trigger.nextRun : now;
  (runtime.options.clock as Partial<FakeClock>).set?.(at);
  return runtime.fireTimeTrigger(trigger, at);
}

/** Moves the clock to `iso`, firing every time-driven trigger that falls due on the way, in order. */
export function fireDueTriggers(runtime: Runtime, clock: FakeClock, iso: string): string[] {
  const until = Date.parse(iso);
  const fired: string[] = [];
  for (let next = runtime.nextDueTrigger(until); next; next = runtime.nextDueTrigger(until)) {
    clock.set(next.at);
    const execution = runtime.fireTimeTrigger(next.trigger, next.at);
    if (!execution.ok) throw new Error(execution.error?.message);
    fired.push(next.trigger.handler);
  }
  clock.set(until);
  return fired;
}

/**
 * A person at the sheet: answers every yes/no question with `answer` and every
 * prompt with `prompt`; `shown` holds each alert and prompt as title and text.
 */
export function answeringUi(answer: "YES" | "NO", prompt: { button: ButtonName; text: string } = { button: "OK", text: "" }) {
  const shown: { title: string; text: string }[] = [];
  const ui: UiHost = {
    alert: (title: string | null, text: string, buttons: ButtonSetName): ButtonName => {
      shown.push({ title: title ?? "", text });
      return buttons === "YES_NO" ? answer : "OK";
    },
    prompt: (title: string | null, text: string) => {
      shown.push({ title: title ?? "", text });
      return prompt;
    },
    showSidebar: () => undefined,
    showDialog: () => undefined,
    toast: () => undefined,
    addMenu: () => undefined,
  };
  return { ui, shown };
}
