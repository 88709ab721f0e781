// Utilities offline: the service object scripts call. Each concept lives in
// a file beside this one: Java SimpleDateFormat dates in any IANA zone, sprintf, digests/HMAC/RSA
// as Java signed bytes, base64 (web-safe keeps padding), Blobs, CSV.
import { randomUUID } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { ExecutionEnv } from "../../execution/env";
import { defineEnum, unsupportedError } from "../api-surface";
import { decodeBase64, encodeBase64 } from "./base64";
import { LocalBlob } from "./blob";
import { toBytes, type Byte, type Charset } from "./bytes";
import { parseCsv } from "./csv";
import { digest, hmac, rsaSign } from "./digests";
import { formatDate, parseDate } from "./java-date-format";
import { formatString } from "./sprintf";

const MAX_SLEEP_MS = 300_000;

class LocalUtilities implements GoogleAppsScript.Utilities.Utilities {
  Charset = defineEnum<typeof GoogleAppsScript.Utilities.Charset>(["US_ASCII", "UTF_8"]);
  DigestAlgorithm = defineEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(["MD2", "MD5", "SHA_1", "SHA_256", "SHA_384", "SHA_512"]);
  MacAlgorithm = defineEnum<typeof GoogleAppsScript.Utilities.MacAlgorithm>(["HMAC_MD5", "HMAC_SHA_1", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512"]);
  RsaAlgorithm = defineEnum<typeof GoogleAppsScript.Utilities.RsaAlgorithm>(["RSA_SHA_1", "RSA_SHA_256"]);

  constructor(private readonly env: ExecutionEnv) {}

  base64Decode(encoded: string): Byte[] {
    return decodeBase64(encoded, false);
  }

  base64DecodeWebSafe(encoded: string): Byte[] {
    return decodeBase64(encoded, true);
  }

  base64Encode(data: string | Byte[], charset?: Charset): string {
    return encodeBase64(data, false, charset);
  }

  base64EncodeWebSafe(data: string | Byte[], charset?: Charset): string {
    return encodeBase64(data, true, charset);
  }

  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: string | Byte[], charset?: Charset): Byte[] {
    return digest(String(algorithm), value, charset);
  }

  computeHmacSha256Signature(value: string | Byte[], key: string | Byte[], charset?: Charset): Byte[] {
    return hmac("SHA_256", value, key, charset);
  }

  computeHmacSignature(algorithm: GoogleAppsScript.Utilities.MacAlgorithm, value: string | Byte[], key: string | Byte[], charset?: Charset): Byte[] {
    return hmac(String(algorithm), value, key, charset);
  }

  computeRsaSha1Signature(value: string, key: string, charset?: Charset): Byte[] {
    return rsaSign("sha1", value, key, charset);
  }

  computeRsaSha256Signature(value: string, key: string, charset?: Charset): Byte[] {
    return rsaSign("sha256", value, key, charset);
  }

  computeRsaSignature(algorithm: GoogleAppsScript.Utilities.RsaAlgorithm, value: string, key: string, charset?: Charset): Byte[] {
    return rsaSign(String(algorithm) === "RSA_SHA_1" ? "sha1" : "sha256", value, key, charset);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
      throw new Error(`The parameters (${[date, timeZone, format].map(javaType).join(",")}) don't match the method signature for Utilities.formatDate.`);
    }
    if (Number.isNaN(date.getTime())) throw new Error("Invalid argument: date");
    return formatDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, args);
  }

  getUuid(): string {
    return randomUUID();
  }

  gzip(blob: GoogleAppsScript.Base.BlobSource, name?: string): LocalBlob {
    const source = blob.getBlob();
    return new LocalBlob(gzipSync(toBytes(source.getBytes())), "application/x-gzip", name ?? `${source.getName() ?? "archive"}.gz`);
  }

  ungzip(blob: GoogleAppsScript.Base.BlobSource): LocalBlob {
    const source = blob.getBlob();
    return new LocalBlob(gunzipSync(toBytes(source.getBytes())), null, source.getName()?.replace(/\.gz$/, "") ?? null);
  }

  newBlob(data: string | Byte[], contentType?: string, name?: string): LocalBlob {
    return new LocalBlob(data, contentType ?? (typeof data === "string" ? "text/plain" : null), name ?? null);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(csv, delimiter);
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    return parseDate(date, timeZone, format, this.env.clock.now());
  }

  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0 && milliseconds <= MAX_SLEEP_MS)) throw new Error("Invalid argument: milliseconds");
    this.env.clock.sleep(milliseconds);
  }

  jsonParse(jsonString: string): unknown {
    return JSON.parse(jsonString);
  }

  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }

  unzip(): GoogleAppsScript.Base.Blob[] {
    throw unsupportedError("Utilities.unzip");
  }

  zip(): GoogleAppsScript.Base.Blob {
    throw unsupportedError("Utilities.zip");
  }
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

function javaType(value: unknown): string {
  if (isDate(value)) return "Date";
  if (value === null || value === undefined) return String(value);
  return { string: "String", number: "number", boolean: "Boolean" }[typeof value as string] ?? "Object";
}

export function createUtilities(env: ExecutionEnv): GoogleAppsScript.Utilities.Utilities {
  return new LocalUtilities(env);
}
