// One lock for every write: the script lock. The document lock would not do:
// getDocumentLock() is null in the web app (R-locksvc), so a form would take
// another lock than sidebars and triggers, and the two would not exclude each
// other. The one place the lock is chosen.
import { STATE, clearState, readState, writeState } from "./script-state";
import { flush } from "./spreadsheet";

/** Apps Script ends every execution by 6 minutes: a lease older than that was left by a run that died. */
const LEASE_MS = 6.5 * 60 * 1000;
const LEASE_POLL_MS = 2000;

export class BusyError extends Error {
  constructor() {
    super("他の方が保存中のため、混み合っています。少し待ってからもう一度保存してください。");
  }
}

/** What a web form says when the lock stays busy: nothing was saved, the input is still there. */
export const FORM_BUSY_MESSAGE = "ほかの方の保存と重なったため、回答を保存できませんでした。入力内容はそのままです。もう一度「回答を送信する」を押してください。";

/**
 * The execution's one script Lock and how deep withWriteLock calls are nested in
 * it. hasLock() is true only on the very object tryLock was called on (R-lock), so
 * a nested call must not ask a second getScriptLock() object: it counts instead.
 * Module state is per execution: each execution loads the bundle afresh.
 */
let lock: GoogleAppsScript.Lock.Lock | null = null;
let depth = 0;

/**
 * Runs `fn` holding the write lock, then makes its writes final. Inside another
 * withWriteLock the lock is already held and stays held: only the outermost call
 * takes it (waiting up to `timeoutMs`) and releases it.
 */
export function withWriteLock<T>(fn: () => T, timeoutMs = 10_000): T {
  if (depth > 0) {
    depth++;
    try {
      return fn();
    } finally {
      depth--;
    }
  }
  lock ??= LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) throw new BusyError();
  depth = 1;
  try {
    const result = fn();
    flush();
    return result;
  } finally {
    depth = 0;
    lock.releaseLock();
  }
}

/**
 * Runs `fn` as the only run named `name` (e.g. one mailing's step), waiting up to
 * `waitMs` for another to finish, else `whenBusy` — told until when the other
 * run's lease holds (null when the write lock itself stayed busy). The lease is a
 * script property taken under the write lock, so the run itself holds no lock.
 */
export function withRunLease<T>(name: string, waitMs: number, fn: () => T, whenBusy: (heldUntil: Date | null) => T): T {
  const key = STATE.runLease(name);
  const token = Utilities.getUuid();
  const giveUpAt = Date.now() + waitMs;
  let heldUntil: number | null = null;
  const take = () => {
    try {
      return withWriteLock(() => {
        const held = readState(key);
        if (held && held.until > Date.now()) {
          heldUntil = held.until;
          return false;
        }
        writeState(key, { token, until: Date.now() + LEASE_MS });
        return true;
      }, Math.max(0, giveUpAt - Date.now()));
    } catch (error) {
      if (error instanceof BusyError) return false;
      throw error;
    }
  };
  while (!take()) {
    if (Date.now() >= giveUpAt) return whenBusy(heldUntil === null ? null : new Date(heldUntil));
    Utilities.sleep(LEASE_POLL_MS);
  }
  try {
    return fn();
  } finally {
    giveBack(key, token);
  }
}

/**
 * Gives the lease back without the write lock, and never throws: a throw from a
 * finally would replace the run's result (its step report) or its own error.
 * No lock is needed: another run writes the key only once the lease is absent or
 * lapsed, never while ours holds, so between reading our token and deleting it
 * nobody else writes it. If the property service fails, the lease lapses by itself.
 */
function giveBack(key: ReturnType<typeof STATE.runLease>, token: string): void {
  try {
    if (readState(key)?.token === token) clearState(key);
  } catch (error) {
    console.warn(`実行の予約（${key.key}）を解除できませんでした。${LEASE_MS / 60_000}分後に自動で解除されます: ${(error as Error)?.message ?? error}`);
  }
}

/** Until when another run named `name` holds its lease (a mailing sending now), or null when none does. */
export function leaseHeldUntil(name: string): Date | null {
  const held = readState(STATE.runLease(name));
  return held && held.until > Date.now() ? new Date(held.until) : null;
}
