// The commit log beside a workbook (<workbook>.platina.journal): what each
// SpreadsheetApp.flush() committed and each mail that left, appended and
// fsynced before the call returns, so a crash loses nothing committed without
// writing the whole .xlsx each time. It starts with the digest of the .xlsx it
// applies to; once the .xlsx is saved with everything in it, the digest no
// longer matches and the log is obsolete. Records are length- and
// hash-framed; a torn last record (the append a crash interrupted) is ignored.
import { createHash } from "node:crypto";
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";
import { syncDirectory } from "../workbook/atomic-file";
import type { CrashPoints } from "./crash-points";
import type { RuntimeState } from "../execution/env";
import type { JournalEntry } from "./journal";

export type LogRecord =
  /** First record: the sha-256 of the .xlsx the rest applies to. */
  | { type: "base"; workbook: string }
  /** A commit point: the writes since the previous one, and the runtime state when it changed. */
  | { type: "commit"; entries: JournalEntry[]; state?: RuntimeState }
  /** A mail handed to the outbox or SMTP server, and the quota with it counted: its use survives a crash. */
  | { type: "mail"; quota: RuntimeState["mail"]; to: string[]; subject: string };

const HEADER_BYTES = 4 + 16;

export function commitLogPath(workbookPath: string): string {
  return `${workbookPath}.platina.journal`;
}

export function digestOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function frame(record: LogRecord): Buffer {
  // v8 serialization keeps Dates and nested arrays exactly as the journal holds them.
  const payload = serialize(record);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(payload.length, 0);
  createHash("sha256").update(payload).digest().copy(header, 4, 0, 16);
  return Buffer.concat([header, payload]);
}

/** The records of a log, up to the first that is incomplete or damaged, and the byte length they span. */
export function readCommitLog(path: string): { records: LogRecord[]; validBytes: number; totalBytes: number } | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`記録ファイル「${path}」を読めません: ${(error as Error).message}`);
  }
  const records: LogRecord[] = [];
  let offset = 0;
  // Each append is fsynced before anything relies on it, so bytes after a bad record were never committed.
  while (offset + HEADER_BYTES <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const end = offset + HEADER_BYTES + length;
    if (end > bytes.length) break;
    const payload = bytes.subarray(offset + HEADER_BYTES, end);
    if (!createHash("sha256").update(payload).digest().subarray(0, 16).equals(bytes.subarray(offset + 4, offset + HEADER_BYTES))) break;
    let record: LogRecord;
    try {
      record = deserialize(payload) as LogRecord;
    } catch {
      break;
    }
    records.push(record);
    offset = end;
  }
  return { records, validBytes: offset, totalBytes: bytes.length };
}

/** Appends records durably: each append() returns only once the record is on disk. */
export class CommitLog {
  private fd: number | null = null;

  constructor(
    readonly path: string,
    private readonly crash: CrashPoints,
  ) {}

  get isOpen(): boolean {
    return this.fd !== null;
  }

  /** Starts a new log for the .xlsx with this digest (replacing an obsolete one). */
  start(workbookDigest: string): void {
    this.close();
    this.crash.pass("journal-start");
    this.fd = openSync(this.path, "w");
    this.write(frame({ type: "base", workbook: workbookDigest }));
    syncDirectory(dirname(this.path));
  }

  /** Continues an existing log after its last good record (a torn tail is cut off first). */
  resume(validBytes: number): void {
    this.close();
    this.fd = openSync(this.path, "a");
    ftruncateSync(this.fd, validBytes);
    fsyncSync(this.fd);
  }

  append(record: LogRecord): void {
    if (this.fd === null) throw new Error("commit log is not open");
    this.crash.pass(`journal-${record.type}`);
    this.write(frame(record));
  }

  /** The log is folded into the saved workbook: delete it. */
  remove(): void {
    this.close();
    this.crash.pass("journal-remove");
    rmSync(this.path, { force: true });
    syncDirectory(dirname(this.path));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private write(bytes: Buffer): void {
    const fd = this.fd!;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  }
}
