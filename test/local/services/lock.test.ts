import { identity } from "../../support/contexts";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emptyState, type ExecutionEnv } from "../../../src/local/execution/env";
import { createLockService, releaseAll } from "../../../src/local/services/lock";

const REPO = resolve(import.meta.dirname, "../../..");
const TIMEOUT_MESSAGE = "Lock timeout: another process was holding the lock for too long.";

function makeEnv(user = "tanaka@platina.example"): ExecutionEnv {
  return {
    clock: { now: () => 0, sleep: () => undefined },
    timeZone: "Asia/Tokyo",
    ...identity(user),
    state: emptyState(),
    log: () => undefined,
    ui: null,
  };
}

const lockDirs: string[] = [];
const newLockDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "platina-lock-"));
  lockDirs.push(dir);
  return dir;
};
afterAll(() => lockDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A separate OS process that tries the script lock, waits for it, holds it until told to
// release it (a line on stdin), then releases it: the test decides when, no fixed hold.
const HOLDER_SCRIPT = `
import { readSync } from "node:fs";
import { createLockService } from ${JSON.stringify(join(REPO, "src/local/services/lock.ts"))};
const [lockDir] = process.argv.slice(2);
const env = { activeUser: "other@platina.example", effectiveUser: "other@platina.example" };
const lock = createLockService(env, lockDir).getScriptLock();
const say = (event, extra) => console.log(JSON.stringify({ event, at: Date.now(), ...extra }));
const got = lock.tryLock(0);
say("tried", { got });
if (!got) lock.waitLock(20000);
say("locked");
readSync(0, Buffer.alloc(16));
const releasedAt = Date.now();
lock.releaseLock();
say("released", { at: releasedAt });
`;

interface Holder {
  /** Whether its first try found the lock free. */
  tried: Promise<boolean>;
  locked: Promise<number>;
  released: Promise<number>;
  /** Tells it to release the lock (it holds it until then). */
  release(): void;
}

function startHolder(lockDir: string): Holder {
  const script = join(lockDir, "holder.ts");
  writeFileSync(script, HOLDER_SCRIPT);
  const child = spawn(process.execPath, ["--import", "tsx", script, lockDir], { cwd: REPO });
  const events = new Map<string, (message: { at: number; got?: boolean }) => void>();
  const waitFor = (event: string) => new Promise<{ at: number; got?: boolean }>((res) => events.set(event, res));
  const tried = waitFor("tried");
  const locked = waitFor("locked");
  const released = waitFor("released");
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of output.split("\n").slice(0, -1)) {
      const message = JSON.parse(line) as { event: string; at: number; got?: boolean };
      events.get(message.event)?.(message);
    }
    output = output.slice(output.lastIndexOf("\n") + 1);
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const failed = new Promise<never>((_, reject) =>
    child.on("exit", (code) => code !== 0 && reject(new Error(`holder exited ${code}: ${stderr}`))),
  );
  const at = (message: Promise<{ at: number }>) => Promise.race([message.then((m) => m.at), failed]);
  return {
    tried: Promise.race([tried.then((m) => m.got === true), failed]),
    locked: at(locked),
    released: at(released),
    release: () => child.stdin.end("release\n"),
  };
}

describe("LockService across processes", () => {
  it("makes this process wait until another process releases the script lock", async () => {
    const lockDir = newLockDir();
    const holder = startHolder(lockDir);
    await holder.locked;
    const lock = createLockService(makeEnv(), lockDir).getScriptLock();
    expect(lock.tryLock(0)).toBe(false);
    expect(() => lock.waitLock(100)).toThrow(TIMEOUT_MESSAGE);
    expect(lock.hasLock()).toBe(false);
    // Released by the other process while this one waits (a blocking wait: the message goes first).
    holder.release();
    lock.waitLock(20_000);
    const acquiredAt = Date.now();
    expect(lock.hasLock()).toBe(true);
    expect(acquiredAt).toBeGreaterThanOrEqual(await holder.released);
    lock.releaseLock();
  });

  it("makes a second process wait for the first", async () => {
    const lockDir = newLockDir();
    const first = startHolder(lockDir);
    await first.locked;
    const second = startHolder(lockDir);
    expect(await second.tried).toBe(false); // found it held, so it waits
    first.release();
    const [firstReleased, secondLocked] = await Promise.all([first.released, second.locked]);
    expect(secondLocked).toBeGreaterThanOrEqual(firstReleased);
    second.release();
    await second.released;
  });
});

describe("LockService within one process", () => {
  it("excludes another execution of the same process until released", () => {
    const lockDir = newLockDir();
    const mine = createLockService(makeEnv(), lockDir);
    const theirs = createLockService(makeEnv(), lockDir);
    const held = mine.getScriptLock();
    expect(held.tryLock(0)).toBe(true);
    expect(theirs.getScriptLock().tryLock(50)).toBe(false);
    expect(theirs.getDocumentLock().tryLock(0)).toBe(true); // a different lock
    held.releaseLock();
    expect(held.hasLock()).toBe(false);
    expect(theirs.getScriptLock().tryLock(0)).toBe(true);
    releaseAll(theirs);
  });

  it("writes the holder's pid in <lockDir>/script.lock and removes it on release", () => {
    const lockDir = newLockDir();
    const lock = createLockService(makeEnv(), lockDir).getScriptLock();
    lock.waitLock(0);
    expect(JSON.parse(readFileSync(join(lockDir, "script.lock"), "utf8")).pid).toBe(process.pid);
    lock.releaseLock();
    lock.releaseLock(); // not held: nothing happens
    expect(existsSync(join(lockDir, "script.lock"))).toBe(false);
  });

  it("gives each user their own user lock", () => {
    const lockDir = newLockDir();
    expect(createLockService(makeEnv("a@platina.example"), lockDir).getUserLock().tryLock(0)).toBe(true);
    expect(createLockService(makeEnv("b@platina.example"), lockDir).getUserLock().tryLock(0)).toBe(true);
    expect(createLockService(makeEnv("a@platina.example"), lockDir).getUserLock().tryLock(0)).toBe(false);
  });

  it("releaseAll frees every lock the execution holds", () => {
    const lockDir = newLockDir();
    const ended = createLockService(makeEnv(), lockDir);
    ended.getScriptLock().waitLock(0);
    ended.getUserLock().waitLock(0);
    releaseAll(ended);
    const next = createLockService(makeEnv(), lockDir);
    expect(next.getScriptLock().tryLock(0)).toBe(true);
    expect(next.getUserLock().tryLock(0)).toBe(true);
  });
});

// R-lock (reference/lock/lock): hasLock() "will return false if tryLock … or waitLock … were never called"
// on that object; a negative timeout fails at once (tested in live Apps Script by gas-fakes' test/testlock.js).
describe("Lock objects as Apps Script hands them out", () => {
  it("gives a fresh object on every getScriptLock(): only the one that took the lock has it", () => {
    const service = createLockService(makeEnv(), newLockDir());
    const first = service.getScriptLock();
    expect(first.hasLock()).toBe(false);
    first.waitLock(0);
    const second = service.getScriptLock();
    expect(second).not.toBe(first);
    expect(second.hasLock()).toBe(false);
    expect(first.hasLock()).toBe(true);
    second.releaseLock(); // not held by this object: nothing happens
    expect(first.hasLock()).toBe(true);
    releaseAll(service);
  });

  it("makes a second object of the same execution wait like anyone else", () => {
    const service = createLockService(makeEnv(), newLockDir());
    service.getScriptLock().waitLock(0);
    const second = service.getScriptLock();
    expect(second.tryLock(30)).toBe(false);
    expect(() => second.waitLock(0)).toThrow(TIMEOUT_MESSAGE);
    releaseAll(service);
  });

  it("fails tryLock at once with a negative timeout, even when the lock is free", () => {
    const lock = createLockService(makeEnv(), newLockDir()).getScriptLock();
    expect(lock.tryLock(-1)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(0)).toBe(true);
    lock.releaseLock();
  });

  it("throws Apps Script's timeout from waitLock with a negative timeout", () => {
    const lock = createLockService(makeEnv(), newLockDir()).getUserLock();
    expect(() => lock.waitLock(-100)).toThrow(TIMEOUT_MESSAGE);
    expect(lock.hasLock()).toBe(false);
  });
});

describe("stale locks", () => {
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid as number;

  it("breaks a lock whose holder process is gone", () => {
    const lockDir = newLockDir();
    writeFileSync(join(lockDir, "script.lock"), JSON.stringify({ pid: deadPid(), holder: "crashed", time: Date.now() }));
    const lock = createLockService(makeEnv(), lockDir).getScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    expect(JSON.parse(readFileSync(join(lockDir, "script.lock"), "utf8")).pid).toBe(process.pid);
  });

  it("breaks a lock older than 30 minutes even if its process lives", () => {
    const lockDir = newLockDir();
    const old = { pid: process.pid, holder: "forgotten", time: Date.now() - 31 * 60 * 1000 };
    writeFileSync(join(lockDir, "document.lock"), JSON.stringify(old));
    expect(createLockService(makeEnv(), lockDir).getDocumentLock().tryLock(0)).toBe(true);
  });

  it("respects a recent lock of a live process", () => {
    const lockDir = newLockDir();
    const live = JSON.stringify({ pid: process.pid, holder: "busy", time: Date.now() });
    writeFileSync(join(lockDir, "script.lock"), live);
    expect(createLockService(makeEnv(), lockDir).getScriptLock().tryLock(30)).toBe(false);
    expect(readFileSync(join(lockDir, "script.lock"), "utf8")).toBe(live);
  });
});
