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

/** The Lock object this execution took the write lock with (globals live for one execution). */
let held: GoogleAppsScript.Lock.Lock | null = null;

/**
 * Runs `fn` holding the write lock, then makes its writes final. Inside another
 * withWriteLock the lock is already held and stays held: only the outermost call
 * releases it. It asks that one Lock object, never a second: hasLock() is false on
 * any object but the one that took the lock (R-lock).
 */
export function withWriteLock<T>(fn: () => T, timeoutMs = 10_000): T {
  if (held) return fn();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) throw new BusyError();
  held = lock;
  try {
    const result = fn();
    flush();
    return result;
  } finally {
    held = null;
    lock.releaseLock();
  }
}

/**
 * Runs `fn` as the only run named `name` (e.g. one mailing's step), waiting up to
 * `waitMs` for another to finish, else `whenBusy`. The lease is a script property
 * taken and given back under the write lock, so the run itself holds no lock.
 */
export function withRunLease<T>(name: string, waitMs: number, fn: () => T, whenBusy: () => T): T {
  const key = STATE.runLease(name);
  const token = Utilities.getUuid();
  const giveUpAt = Date.now() + waitMs;
  const take = () => {
    try {
      return withWriteLock(() => {
        const held = readState(key);
        if (held && held.until > Date.now()) return false;
        writeState(key, { token, until: Date.now() + LEASE_MS });
        return true;
      }, Math.max(0, giveUpAt - Date.now()));
    } catch (error) {
      if (error instanceof BusyError) return false;
      throw error;
    }
  };
  while (!take()) {
    if (Date.now() >= giveUpAt) return whenBusy();
    Utilities.sleep(LEASE_POLL_MS);
  }
  try {
    return fn();
  } finally {
    withWriteLock(() => {
      if (readState(key)?.token === token) clearState(key);
    }, waitMs);
  }
}

