// LockService offline: real mutual exclusion between executions — other threads
// and other processes using the same workbook — through lock files beside it.
// A lock file appears atomically with its content (hard link of a finished temp
// file), names its holder, and is broken when that holder is dead or too old.
import { createHash, randomUUID } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import type { Clock, ExecutionEnv } from "../execution/env";

/** No execution lives this long (6 min limit), so such a lock was left behind. */
const STALE_AFTER_MS = 30 * 60 * 1000;
const POLL_MS = 20;
const TIMEOUT_MESSAGE = "Lock timeout: another process was holding the lock for too long.";
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Lock waits follow real time: the other side is a real process (or thread). */
const REAL_TIME: Clock = {
  now: () => Date.now(),
  sleep: (ms) => void Atomics.wait(sleeper, 0, 0, ms),
};
/** Symbol-keyed, so add-on code cannot reach the locks by name, yet it still works through a Proxy. */
const LOCKS = Symbol("locks");

interface LockInfo {
  pid: number;
  holder: string;
  time: number;
}

function readRaw(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

function isStale(raw: string): boolean {
  let info: LockInfo;
  try {
    info = JSON.parse(raw) as LockInfo;
  } catch {
    return true; // not written by us: nobody can release it
  }
  return !processAlive(info.pid) || Date.now() - info.time > STALE_AFTER_MS;
}

class LocalLock implements GoogleAppsScript.Lock.Lock {
  private held = false;

  constructor(
    private readonly path: string,
    private readonly holder: string,
    private readonly waits: Clock,
  ) {}

  /** False too when the file was broken as stale under us. */
  hasLock(): boolean {
    return this.held && this.ownsFile();
  }

  releaseLock(): void {
    if (!this.held) return;
    this.held = false;
    if (this.ownsFile()) rmSync(this.path, { force: true });
  }

  /**
   * Polls on the lock service's clock, real time unless a test gives another (not the
   * execution's clock): the other side is a real process.
   * A negative timeout fails at once (R-lock; gas-fakes' live-tested suite).
   */
  tryLock(timeoutInMillis: number): boolean {
    if (this.hasLock()) return true;
    if (Number(timeoutInMillis) < 0) return false;
    const deadline = this.waits.now() + (Number(timeoutInMillis) || 0);
    for (;;) {
      if (this.acquire()) return (this.held = true);
      const left = deadline - this.waits.now();
      if (left <= 0) return false;
      this.waits.sleep(Math.min(POLL_MS, left));
    }
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(TIMEOUT_MESSAGE);
  }

  private ownsFile(): boolean {
    const raw = readRaw(this.path);
    try {
      return raw !== null && (JSON.parse(raw) as LockInfo).holder === this.holder;
    } catch {
      return false;
    }
  }

  private acquire(): boolean {
    return this.create() || (this.breakIfStale() && this.create());
  }

  /** Link fails if the lock exists, so creation is atomic and never shows a half-written file. */
  private create(): boolean {
    const temp = `${this.path}.${this.holder}.tmp`;
    const info: LockInfo = { pid: process.pid, holder: this.holder, time: Date.now() };
    writeFileSync(temp, JSON.stringify(info));
    try {
      linkSync(temp, this.path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    } finally {
      rmSync(temp, { force: true });
    }
  }

  /** True when the lock is gone (or was stale and is now removed). */
  private breakIfStale(): boolean {
    const seen = readRaw(this.path);
    if (seen === null) return true;
    if (!isStale(seen)) return false;
    // Move it aside and check it is still the stale file: another waiter may have
    // broken it and taken the lock in the meantime, in which case we put that back.
    const aside = `${this.path}.${this.holder}.stale`;
    try {
      renameSync(this.path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
      throw error;
    }
    try {
      if (readFileSync(aside, "utf8") === seen) return true;
      linkSync(aside, this.path);
    } catch (error) {
      // EEXIST: a third waiter took the lock meanwhile; the one we moved sees hasLock() false.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(aside, { force: true });
    }
    return false;
  }
}

class LocalLockService implements GoogleAppsScript.Lock.LockService {
  /** Identifies this execution in lock files. */
  private readonly holder = `${process.pid}-${threadId}-${randomUUID()}`;
  readonly [LOCKS]: LocalLock[] = [];

  constructor(
    private readonly env: ExecutionEnv,
    private readonly lockDir: string,
    private readonly waits: Clock,
  ) {}

  /** Null without a current document, as in a web app (R-locksvc). */
  getDocumentLock(): LocalLock {
    // The typings say non-null; the reference says null.
    return (this.env.rules.documentLock ? this.lock("document") : null) as LocalLock;
  }

  getScriptLock(): LocalLock {
    return this.lock("script");
  }

  getUserLock(): LocalLock {
    const user = this.env.activeUser || this.env.effectiveUser;
    return this.lock(`user-${createHash("sha256").update(user).digest("hex").slice(0, 16)}`);
  }

  /**
   * A new Lock object on every call, as in Apps Script: hasLock() is true only on
   * the object whose tryLock/waitLock took the lock (R-lock), and a second object
   * contends for it like another execution would, even within this one.
   */
  private lock(name: string): LocalLock {
    mkdirSync(this.lockDir, { recursive: true });
    const lock = new LocalLock(join(this.lockDir, `${name}.lock`), `${this.holder}-${this[LOCKS].length}`, this.waits);
    this[LOCKS].push(lock);
    return lock;
  }
}

/** `waits`: the clock tryLock/waitLock poll on; a test holding the lock itself passes one that sleeps at once. */
export function createLockService(env: ExecutionEnv, lockDir: string, waits: Clock = REAL_TIME): GoogleAppsScript.Lock.LockService {
  return new LocalLockService(env, lockDir, waits);
}

/** Called by the runtime when an execution ends: Apps Script releases its locks then. */
export function releaseAll(service: GoogleAppsScript.Lock.LockService): void {
  for (const lock of (service as Partial<LocalLockService>)[LOCKS] ?? []) lock.releaseLock();
}
