// Replaces a file so that a crash at any moment leaves either the old or the
// new contents: write a temporary file beside it, fsync, then rename over it.
// The new file keeps the old one's permissions, and a file made read-only is
// never replaced (rename would not ask: it only needs the folder writable).

import { randomBytes } from "node:crypto";
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface AtomicWriteOptions {
  /** Runs after the temporary file is complete, just before the rename (a crash test stops here; throw to simulate one). */
  beforeRename?: (tempPath: string) => void;
}

/** A save that could not happen; the message says what, where and what to do, and the old file is intact. */
export class FileSaveError extends Error {}

export function writeFileAtomic(path: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): void {
  const dir = dirname(path);
  const mode = requireWritable(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  try {
    const fd = openSync(temp, "wx", 0o666);
    try {
      if (mode !== null) fchmodSync(fd, mode);
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeRename?.(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw saveError(path, error as NodeJS.ErrnoException);
  }
  syncDirectory(dir);
}

/**
 * The file's permission bits to keep (null for a new file), after checking that
 * it may be written: a file without any write bit counts as read-only even for
 * root, who may write anything.
 */
export function requireWritable(path: string): number | null {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw saveError(path, error as NodeJS.ErrnoException);
    try {
      accessSync(dirname(path), constants.W_OK);
    } catch (dirError) {
      throw saveError(path, dirError as NodeJS.ErrnoException);
    }
    return null;
  }
  const readOnly = (mode & 0o222) === 0 || !canWrite(path);
  if (readOnly) {
    throw new FileSaveError(`「${path}」は読み取り専用のため保存できません（ファイルはそのままです）。書き込みを許可する（例: chmod u+w）か、書き込める場所にコピーしてから実行してください。`);
  }
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    throw saveError(path, error as NodeJS.ErrnoException);
  }
  return mode;
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function saveError(path: string, error: NodeJS.ErrnoException): Error {
  if (error instanceof FileSaveError) return error;
  const dir = dirname(path);
  const unchanged = "（元のファイルはそのままです）";
  switch (error.code) {
    case "ENOENT":
    case "ENOTDIR":
      return new FileSaveError(`フォルダ「${dir}」がないため「${basename(path)}」を保存できません${unchanged}。フォルダを作るか、ブックの場所を確かめてください。`);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new FileSaveError(`フォルダ「${dir}」に書き込めないため「${basename(path)}」を保存できません${unchanged}。書き込みを許可するか、書き込める場所で実行してください（${error.code}）。`);
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG":
      return new FileSaveError(`ディスクの空きが足りないため「${path}」を保存できません${unchanged}。空きを作ってからもう一度実行してください（${error.code}）。`);
    default:
      return error;
  }
}

/** Makes a rename or a new file durable; not every platform lets a directory be opened, which is fine. */
export function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}
