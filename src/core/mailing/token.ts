// Personal answer links: the owner, the cycle, the purpose and an expiry, signed
// with HMAC-SHA256 (the signing is injected: Utilities in Apps Script).

export type TokenPurpose = "follow-up" | "survey";

export interface TokenClaims {
  purpose: TokenPurpose;
  email: string;
  cycle: string;
  /** Epoch milliseconds after which the link no longer works. */
  expires: number;
}

export type Signer = (payload: string) => string;

function encode(text: string): string {
  // Percent-encoding first makes the text ASCII; web-safe base64 without padding keeps URLs clean.
  return btoaSafe(encodeURIComponent(text)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(atobSafe(text.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return null;
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Apps Script has no btoa/atob; a small codec keeps the core free of host globals.
function btoaSafe(binary: string): string {
  let out = "";
  for (let i = 0; i < binary.length; i += 3) {
    const [a, b, c] = [binary.charCodeAt(i), binary.charCodeAt(i + 1), binary.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < binary.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < binary.length ? B64[n & 63] : "=");
  }
  return out;
}

function atobSafe(text: string): string {
  if (/[^A-Za-z0-9+/]/.test(text)) throw new Error("bad base64");
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    buffer = (buffer << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 255);
    }
  }
  return out;
}

export function createToken(claims: TokenClaims, sign: Signer): string {
  const payload = encode(JSON.stringify([claims.purpose, claims.email, claims.cycle, claims.expires]));
  return `${payload}.${sign(payload)}`;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: "malformed" | "signature" | "expired" | "purpose" };

export function verifyToken(token: unknown, sign: Signer, now: number, purpose: TokenPurpose): TokenCheck {
  const text = String(token ?? "");
  const dot = text.indexOf(".");
  if (dot < 1) return { ok: false, reason: "malformed" };
  const payload = text.slice(0, dot);
  if (!sameText(sign(payload), text.slice(dot + 1))) return { ok: false, reason: "signature" };
  const json = decode(payload);
  let parsed: unknown;
  try {
    parsed = json === null ? null : JSON.parse(json);
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return { ok: false, reason: "malformed" };
  const [p, email, cycle, expires] = parsed as [TokenPurpose, string, string, number];
  if (p !== purpose) return { ok: false, reason: "purpose" };
  if (!(now <= expires)) return { ok: false, reason: "expired" };
  return { ok: true, claims: { purpose: p, email, cycle, expires } };
}

/**
 * The purpose a token claims, unverified: only to route a request to its form,
 * which then verifies the token for that purpose. null when unreadable.
 */
export function tokenPurpose(token: unknown): TokenPurpose | null {
  const text = String(token ?? "");
  const json = decode(text.slice(0, Math.max(text.indexOf("."), 0)));
  try {
    const parsed: unknown = json === null ? null : JSON.parse(json);
    return Array.isArray(parsed) && (parsed[0] === "follow-up" || parsed[0] === "survey") ? parsed[0] : null;
  } catch {
    return null;
  }
}

/** Compares without stopping at the first difference, so timing tells nothing about the signature. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** What an owner is told when a link fails, in the words of the form it was meant for. */
export function linkProblem(reason: Extract<TokenCheck, { ok: false }>["reason"], formName: string): string {
  switch (reason) {
    case "malformed":
      return "リンクが正しくありません。メールのリンクを、途中で切れないようにそのまま開いてください。";
    case "signature":
      return "リンクが正しくありません（改変された可能性があります）。メールのリンクをそのまま開いてください。";
    case "expired":
      return "回答期限を過ぎたため、このリンクは使えなくなりました。追加や修正が必要な場合は市政変革推進室にご連絡ください。";
    case "purpose":
      return `このリンクは${formName}の回答用ではありません。`;
  }
}
