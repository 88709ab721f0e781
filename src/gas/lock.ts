// Every write runs under the document lock, so two saves never interleave; a
// mailing step runs under the script lock, so two runs never send the same mail.
// The one place the locks are chosen.
import { flush } from "./spreadsheet";

export class BusyError extends Error {
  constructor() {
    super("他の方が保存中のため、混み合っています。少し待ってからもう一度保存してください。");
  }
}

export function withDocumentLock<T>(fn: () => T, timeoutMs = 10_000): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) throw new BusyError();
  try {
    const result = fn();
    flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/** Runs `fn` under the script lock, or `whenBusy` if another run holds it for `waitMs`. */
export function withScriptLock<T>(waitMs: number, fn: () => T, whenBusy: () => T): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return whenBusy();
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
