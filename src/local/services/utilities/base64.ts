// Base64 as Utilities does it: strict alphabets on decode, and the web-safe
// encoding keeps its "=" padding (Node's "base64url" drops it).
import { signedBytes, toBytes, type Byte, type Charset } from "./bytes";

export function decodeBase64(encoded: string, webSafe: boolean): Byte[] {
  const text = encoded.replace(/\s+/g, "");
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!alphabet.test(text)) throw new Error("Could not decode string.");
  return signedBytes(Buffer.from(text, webSafe ? "base64url" : "base64"));
}

export function encodeBase64(data: string | Byte[], webSafe: boolean, charset?: Charset): string {
  const text = toBytes(data, charset).toString("base64");
  return webSafe ? text.replace(/\+/g, "-").replace(/\//g, "_") : text;
}
