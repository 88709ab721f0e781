// The key that signs the personal links in follow-up emails (script state, never a sheet).
import { STATE, readState, writeState } from "./script-state";

/** Creates the key if missing; true when it was created. */
export function ensureSecret(): boolean {
  if (readState(STATE.linkSecret)) return false;
  writeState(STATE.linkSecret, `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, ""));
  return true;
}

export function linkSecret(): string {
  const secret = readState(STATE.linkSecret);
  if (!secret) throw new Error("回答リンク用の鍵がありません。メニューの「プラチナ → 初期設定」を実行してください。");
  return secret;
}

/**
 * Signs answer links: HMAC-SHA256 with the add-on's key, web-safe base64 without padding.
 * The charset is explicit: without one Apps Script hashes a string as US-ASCII (every
 * other character a '?'), and both hosts must sign a tampered, non-ASCII payload alike.
 */
export function linkSigner(): (payload: string) => string {
  const secret = linkSecret();
  return (payload) =>
    Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(payload, secret, Utilities.Charset.UTF_8)).replace(/=+$/, "");
}
