// Digests, HMACs and RSA signatures as Utilities returns them (signed bytes).
import { createHash, createHmac, sign } from "node:crypto";
import { unsupportedError } from "../api-surface";
import { signedBytes, toBytes, type Byte, type Charset } from "./bytes";

/** Apps Script algorithm names → Node's; MD2 has no Node counterpart. */
const DIGESTS: Record<string, string> = { MD5: "md5", SHA_1: "sha1", SHA_256: "sha256", SHA_384: "sha384", SHA_512: "sha512" };

/**
 * A string given without a charset is hashed as US-ASCII, not UTF-8: every other
 * character is one '?'. Apps Script's own results show it (gas-fakes' test/testutilities.js,
 * run in live Apps Script: "€🙂" without a charset digests like "??", as US_ASCII does).
 */
function hashInput(value: string | Byte[], charset: Charset | undefined): Buffer {
  return toBytes(value, typeof value === "string" && charset === undefined ? "US_ASCII" : charset);
}

export function digest(algorithm: string, value: string | Byte[], charset?: Charset): Byte[] {
  const name = DIGESTS[algorithm];
  if (!name) throw unsupportedError(`DigestAlgorithm.${algorithm}`);
  return signedBytes(createHash(name).update(hashInput(value, charset)).digest());
}

/** `algorithm` is a MacAlgorithm name (HMAC_SHA_256) or a bare digest name (SHA_256). */
export function hmac(algorithm: string, value: string | Byte[], key: string | Byte[], charset?: Charset): Byte[] {
  const name = DIGESTS[algorithm.replace(/^HMAC_/, "")];
  if (!name) throw new Error(`Invalid argument: algorithm`);
  return signedBytes(createHmac(name, hashInput(key, charset)).update(hashInput(value, charset)).digest());
}

export function rsaSign(algorithm: "sha1" | "sha256", value: string, key: string, charset?: Charset): Byte[] {
  return signedBytes(sign(algorithm, toBytes(value, charset), key));
}
