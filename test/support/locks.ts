// The "Class Lock" page's reading of LockService, inside one execution: hasLock()
// is true only on the very Lock object tryLock/waitLock succeeded on, and a new
// getScriptLock() object knows nothing of another's (R-lock). Whatever the local
// runtime's own Lock does, code run with this cannot lean on a kinder reading.

import type { Clock } from "../../src/local/execution/env";
import type { ExecutionResult, Runtime, RunOptions } from "../../src/local/runtime/runtime";

type Global = Record<string, any>;

const TIMEOUT_MESSAGE = "Lock timeout: another process was holding the lock for too long.";

/**
 * Replaces the execution's LockService (call from a run's argument function, before
 * the entry point runs). Each getScriptLock() is a new object; one that is not the
 * holder waits out its timeout in vain while another object holds the lock, as it
 * would against another execution. `busy` makes every untaken lock busy from the
 * moment it turns true (another execution holding the lock).
 */
export function strictScriptLocks(global: Global, options: { busy?: () => boolean } = {}): { objects: () => number } {
  const service = global.LockService;
  let holder: object | null = null;
  let objects = 0;
  const newLock = () => {
    objects++;
    const inner = service.getScriptLock();
    const lock = {
      hasLock: () => holder === lock && inner.hasLock(),
      tryLock(timeoutInMillis: number): boolean {
        if (holder === lock) return true;
        if (holder !== null || options.busy?.()) return false;
        if (!inner.tryLock(timeoutInMillis)) return false;
        holder = lock;
        return true;
      },
      waitLock(timeoutInMillis: number): void {
        if (!lock.tryLock(timeoutInMillis)) throw new Error(TIMEOUT_MESSAGE);
      },
      releaseLock(): void {
        if (holder !== lock) return;
        holder = null;
        inner.releaseLock();
      },
    };
    return lock;
  };
  global.LockService = {
    getScriptLock: newLock,
    getDocumentLock: () => service.getDocumentLock(),
    getUserLock: () => service.getUserLock(),
  };
  return { objects: () => objects };
}

/**
 * Runs `entry` as one execution with strictScriptLocks: its plain-data `args`, how it
 * went, and how many Lock objects the add-on asked LockService for.
 */
export function runWithStrictLocks(
  runtime: Runtime, entry: string, args: unknown[], run: RunOptions = {}, options: { busy?: () => boolean } = {},
): { execution: ExecutionResult; lockObjects: number } {
  let locks: ReturnType<typeof strictScriptLocks> | null = null;
  const execution = runtime.run(entry, (global) => {
    locks = strictScriptLocks(global, options);
    // Plain data (strings, as a form sends) is read alike from either realm.
    return args.map((a) => JSON.parse(JSON.stringify(a)));
  }, run);
  return { execution, lockObjects: (locks as ReturnType<typeof strictScriptLocks> | null)?.objects() ?? 0 };
}

/**
 * A clock for LockService's waits (RuntimeOptions.lockClock) that sleeps at once and
 * counts: how long the add-on waited for a lock, in lock time, without waiting for real.
 */
export function instantLockWaits(): Clock & { waited(): number } {
  let now = 0;
  let waited = 0;
  return {
    now: () => now,
    sleep: (ms) => {
      now += Math.max(0, ms);
      waited += Math.max(0, ms);
    },
    waited: () => waited,
  };
}
