// The key that signs the personal links in follow-up emails. Kept in script
// properties, never in the sheet, so staff who can edit cells cannot forge links.

const SECRET_KEY = "platina.linkSecret";

/** Creates the key if missing; true when it was created. */
export function ensureSecret(): boolean {
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(SECRET_KEY)) return false;
  props.setProperty(SECRET_KEY, `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, ""));
  return true;
}

export function linkSecret(): string {
  const secret = PropertiesService.getScriptProperties().getProperty(SECRET_KEY);
  if (!secret) throw new Error("回答リンク用の鍵がありません。メニューの「プラチナ → 初期設定」を実行してください。");
  return secret;
}

/** Signs answer links: HMAC-SHA256 with the add-on's key, web-safe base64 without padding. */
export function linkSigner(): (payload: string) => string {
  const secret = linkSecret();
  return (payload) => Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(payload, secret)).replace(/=+$/, "");
}
