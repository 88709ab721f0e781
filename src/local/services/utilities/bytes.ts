// Bytes as Apps Script hands them over: Java signed bytes (-128…127), strings
// encoded as UTF-8 or US-ASCII.

export type Byte = number;
export type Charset = GoogleAppsScript.Utilities.Charset;

/**
 * Strings become UTF-8 unless US_ASCII is asked for; then each character outside
 * ASCII becomes one '?', as Java's encoder replaces it — one per code point, so an
 * emoji (two UTF-16 units) is one '?'. Default is UTF-8.
 */
export function toBytes(data: string | ArrayLike<Byte>, charset?: Charset | string): Buffer {
  if (typeof data === "string") {
    return String(charset) === "US_ASCII" ? Buffer.from(data.replace(/[^\x00-\x7f]/gu, "?"), "latin1") : Buffer.from(data, "utf8");
  }
  return Buffer.from(Array.from(data, (b) => b & 0xff));
}

/** Java bytes are signed: -128…127. */
export function signedBytes(buffer: Uint8Array): Byte[] {
  return Array.from(new Int8Array(buffer.buffer, buffer.byteOffset, buffer.length));
}
