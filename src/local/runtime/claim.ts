// One process at a time works on a workbook: each keeps it in memory and saves
// it whole, so a second one would overwrite the other's writes. The claim is a
// numbered file in the workbook's lock folder; the highest number is the
// current claim. A process claims by creating the next number (link(2) of a
// finished file: it fails if the number exists, and the file never appears
// half-written), so two processes can never both succeed on one number. A claim
// is only superseded after reading it whole and finding its process gone; a
// claim that cannot be read is never taken as stale. Releasing adds a "free"
// file above one's own, so the highest number never goes down.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { basename, join } from "node:path";
import { linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { threadId } from "node:worker_threads";

/** How long an execution waits for a busy workbook, as LockService.waitLock callers wait (30 s). */
export const CLAIM_WAIT_MS = 30_000;
const POLL_MS = 25;

interface ClaimInfo {
  state: "held" | "free";
  pid: number;
  host: string;
  holder: string;
  time: number;
  /** What holds it, for the message another process shows (e.g. 「ワークベンチ http://127.0.0.1:8787/」). */
  purpose?: string;
}

export interface WorkbookClaim {
  release(): void;
}

export class WorkbookBusyError extends Error {}

/** This thread's claims, by lock folder: a second open in the same thread shares the first one's claim. */
const held = new Map<string, { seq: number; refs: number }>();
const HOLDER = `${process.pid}-${threadId}-${randomUUID()}`;
let exitHookInstalled = false;

const claimName = (seq: number) => `claim-${String(seq).padStart(9, "0")}`;

/** `waitMs` 0: a busy workbook fails at once (a second workbench need not wait for the first to end). */
export async function claimWorkbook(workbookPath: string, lockDir: string, waitMs = CLAIM_WAIT_MS, purpose?: string): Promise<WorkbookClaim> {
  const mine = held.get(lockDir);
  if (mine) {
    mine.refs++;
    return releaser(lockDir);
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    const current = readCurrent(lockDir);
    const blocker = current && blocking(current.info);
    if (!blocker) {
      const seq = (current?.seq ?? 0) + 1;
      if (!create(lockDir, seq, "held", purpose)) continue; // another process took this number first
      if (highestSeq(lockDir) === seq) {
        held.set(lockDir, { seq, refs: 1 });
        removeBelow(lockDir, seq);
        installExitHook();
        return releaser(lockDir);
      }
      // Our number was free only because it had been superseded already: ours is too.
      rmSync(join(lockDir, claimName(seq)), { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new WorkbookBusyError(busyMessage(workbookPath, blocker, waitMs));
    await new Promise((done) => setTimeout(done, POLL_MS + Math.random() * POLL_MS));
  }
}

function releaser(lockDir: string): WorkbookClaim {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      releaseClaim(lockDir);
    },
  };
}

function releaseClaim(lockDir: string): void {
  const mine = held.get(lockDir);
  if (!mine || --mine.refs > 0) return;
  held.delete(lockDir);
  // Nobody can take a live claim's next number, so this always succeeds; then our own file is superseded.
  if (create(lockDir, mine.seq + 1, "free")) rmSync(join(lockDir, claimName(mine.seq)), { force: true });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const [dir, mine] of held) {
      mine.refs = 1;
      releaseClaim(dir);
    }
  });
}

/** Why the current claim keeps us out, or null when it is free, ours, or its process is gone. */
type Blocker = { kind: "live"; pid: number; purpose?: string } | { kind: "unreadable"; file: string };

function blocking(info: ClaimInfo | string): Blocker | null {
  if (typeof info === "string") return { kind: "unreadable", file: info };
  // Threads of one process (the workbench's worker, a test) take turns by themselves, as the old claim did.
  if (info.state === "free" || (info.pid === process.pid && info.host === hostname())) return null;
  // Another host's process cannot be checked from here, so it is taken as alive.
  const live = { kind: "live" as const, pid: info.pid, ...(info.purpose ? { purpose: info.purpose } : {}) };
  if (info.host !== hostname()) return live;
  return processAlive(info.pid) ? live : null;
}

function busyMessage(workbookPath: string, blocker: Blocker, waitMs: number): string {
  const waited = waitMs > 0 ? `${Math.round(waitMs / 1000)} 秒待ちましたが` : "";
  if (blocker.kind === "unreadable") {
    return `ブック「${basename(workbookPath)}」の使用中の印「${blocker.file}」を読めないため、${waited}使えません。ほかに platina を使っていなければ、その印のファイルを削除してから実行してください。`;
  }
  const who = `別の platina（プロセス ${blocker.pid}、${blocker.purpose ?? "たとえば npm start のワークベンチ"}）`;
  if (waitMs === 0) return `ブック「${basename(workbookPath)}」は${who}が使用中です。そちらを使うか、そちらを終了してから、もう一度実行してください。`;
  return `ブック「${basename(workbookPath)}」は${who}が使用中で、${waited}空きませんでした。そちらを終了するか、終わってから実行してください。`;
}

/** The highest-numbered claim and what it says (a string naming the file when it cannot be read as a claim). */
function readCurrent(lockDir: string): { seq: number; info: ClaimInfo | string } | null {
  for (;;) {
    const seq = highestSeq(lockDir);
    if (seq === 0) return null;
    const file = join(lockDir, claimName(seq));
    let raw: string;
    try {
      raw = readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // superseded meanwhile: look again
      throw error;
    }
    try {
      const info = JSON.parse(raw) as ClaimInfo;
      if ((info.state === "held" || info.state === "free") && Number.isInteger(info.pid) && typeof info.host === "string") return { seq, info };
    } catch {
      // fall through: not a claim we can judge
    }
    return { seq, info: file };
  }
}

function highestSeq(lockDir: string): number {
  let max = 0;
  for (const name of readdirSync(lockDir)) {
    const match = /^claim-(\d{9})$/.exec(name);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max;
}

/** Creates claim number `seq` whole, or returns false when that number exists. */
function create(lockDir: string, seq: number, state: ClaimInfo["state"], purpose?: string): boolean {
  const info: ClaimInfo = { state, pid: process.pid, host: hostname(), holder: HOLDER, time: Date.now(), ...(purpose ? { purpose } : {}) };
  const temp = join(lockDir, `.${claimName(seq)}.${HOLDER}.tmp`);
  writeFileSync(temp, JSON.stringify(info));
  try {
    linkSync(temp, join(lockDir, claimName(seq)));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Claims below a newer one are superseded: free, dead, or a loser of a race that will see ours. */
function removeBelow(lockDir: string, seq: number): void {
  for (const name of readdirSync(lockDir)) {
    const match = /^claim-(\d{9})$/.exec(name);
    if (match && Number(match[1]) < seq) rmSync(join(lockDir, name), { force: true });
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
