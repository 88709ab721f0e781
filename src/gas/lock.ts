// Every write runs under the document lock, so two saves never interleave. The one
// place the lock is chosen: a context without a document changes only this function.
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
