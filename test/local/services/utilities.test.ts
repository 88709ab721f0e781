import { identity } from "../../support/contexts";
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emptyState, type ExecutionEnv } from "../../../src/local/execution/env";
import { createUtilities } from "../../../src/local/services/utilities/utilities";

function makeEnv(start = Date.parse("2026-11-25T00:00:00Z")): ExecutionEnv {
  let now = start;
  return {
    clock: { now: () => now, sleep: (ms) => void (now += ms) },
    timeZone: "Asia/Tokyo",
    ...identity("tanaka@platina.example"),
    state: emptyState(),
    log: () => undefined,
    ui: null,
  };
}

const Utilities = createUtilities(makeEnv());
const int8 = (buffer: Buffer) => Array.from(new Int8Array(buffer));
const instant = new Date("2026-11-25T15:04:05.007Z"); // Thursday 00:04 in Tokyo, Wednesday 15:04 in UTC

describe("Utilities.formatDate", () => {
  it("formats the same instant on the wall clock of the zone asked for", () => {
    const iso = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    expect(Utilities.formatDate(instant, "Asia/Tokyo", iso)).toBe("2026-11-26T00:04:05Z");
    expect(Utilities.formatDate(instant, "UTC", iso)).toBe("2026-11-25T15:04:05Z");
    expect(Utilities.formatDate(instant, "Asia/Tokyo", "yyyy/MM/dd(EEE) H:mm")).toBe("2026/11/26(Thu) 0:04");
  });

  it("writes English names, 12-hour fields and milliseconds as Java does", () => {
    expect(Utilities.formatDate(instant, "UTC", "EEEE, MMMM d, yy h:mm a SSS")).toBe("Wednesday, November 25, 26 3:04 PM 007");
    expect(Utilities.formatDate(instant, "Asia/Tokyo", "EEE MMM k K h a u D")).toBe("Thu Nov 24 0 12 AM 4 330");
  });

  it("writes zone offsets and names", () => {
    expect(Utilities.formatDate(instant, "Asia/Tokyo", "Z|XXX|X|z|zzzz")).toBe("+0900|+09:00|+09|JST|Japan Standard Time");
    expect(Utilities.formatDate(instant, "UTC", "Z|X|z")).toBe("+0000|Z|UTC");
    expect(Utilities.formatDate(instant, "GMT+05:30", "HH:mm Z")).toBe("20:34 +0530");
  });

  it("keeps quoted text and '' as a single quote", () => {
    expect(Utilities.formatDate(instant, "UTC", "h 'o''clock' '(yyyy)' ''")).toBe("3 o'clock (yyyy) '");
  });

  it("counts weeks like Java's US calendar: the week holding January 1st is week 1", () => {
    expect(Utilities.formatDate(new Date("2026-12-31T00:00:00Z"), "UTC", "YYYY-'W'ww")).toBe("2027-W01");
    expect(Utilities.formatDate(new Date("2026-01-04T00:00:00Z"), "UTC", "w")).toBe("2");
  });

  it("reads an unknown zone id as GMT and rejects unknown pattern letters", () => {
    expect(Utilities.formatDate(instant, "Mars/Olympus", "HH:mm")).toBe("15:04");
    expect(() => Utilities.formatDate(instant, "UTC", "yyyy-bb")).toThrow("Illegal pattern character 'b'");
    expect(() => Utilities.formatDate(instant, "UTC", "'open")).toThrow("Unterminated quote");
  });

  it("rejects a date that is not a Date", () => {
    expect(() => Utilities.formatDate("2026-11-25" as unknown as Date, "UTC", "yyyy")).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe("Utilities.parseDate", () => {
  it("reads wall-clock text in the given zone", () => {
    expect(Utilities.parseDate("2026-11-25 09:30:00", "Asia/Tokyo", "yyyy-MM-dd HH:mm:ss").toISOString()).toBe("2026-11-25T00:30:00.000Z");
    expect(Utilities.parseDate("2026-11-25 09:30:00", "UTC", "yyyy-MM-dd HH:mm:ss").toISOString()).toBe("2026-11-25T09:30:00.000Z");
  });

  it("reads abutting numbers by pattern width, names, AM/PM and an offset in the text", () => {
    expect(Utilities.parseDate("20261125", "Asia/Tokyo", "yyyyMMdd").toISOString()).toBe("2026-11-24T15:00:00.000Z");
    expect(Utilities.parseDate("Wed, 25 Nov 26 09:30 PM +0000", "Asia/Tokyo", "EEE, d MMM yy hh:mm a Z").toISOString()).toBe(
      "2026-11-25T21:30:00.000Z",
    );
  });

  it("throws Java's message for text that does not fit", () => {
    expect(() => Utilities.parseDate("25/11/2026", "UTC", "yyyy-MM-dd")).toThrow('Unparseable date: "25/11/2026"');
  });
});

describe("Utilities.formatString", () => {
  it("formats %s, %d and %f with width, precision and flags", () => {
    expect(Utilities.formatString("%s has %d items", "list", 3.9)).toBe("list has 3 items");
    expect(Utilities.formatString("[%11.6f]", Math.PI)).toBe("[   3.141593]");
    expect(Utilities.formatString("[%5s][%-5s][%05d][%+d] 100%%", "ab", "ab", -42, 5)).toBe("[   ab][ab   ][-0042][+5] 100%");
  });
});

describe("Utilities digests and signatures", () => {
  it("returns HMAC-SHA256 as Java signed bytes (RFC 4231 test case 2)", () => {
    const expected = int8(Buffer.from("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "hex"));
    expect(Utilities.computeHmacSha256Signature("what do ya want for nothing?", "Jefe")).toEqual(expected);
    expect(expected.some((b) => b < 0)).toBe(true);
  });

  it("matches Node's crypto for UTF-8 text and for byte arrays", () => {
    const value = "プラチナ市役所";
    const expected = int8(createHmac("sha512", "秘密").update(value).digest());
    expect(Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_512, value, "秘密", Utilities.Charset.UTF_8)).toEqual(expected);
    const bytes = (s: string) => int8(Buffer.from(s, "utf8"));
    expect(Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_512, bytes(value), bytes("秘密"))).toEqual(expected);
  });

  it("computes digests", () => {
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, "abc")).toEqual(
      int8(Buffer.from("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "hex")),
    );
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, "日本", Utilities.Charset.UTF_8)).toEqual(int8(createHash("md5").update("日本").digest()));
    expect(() => Utilities.computeDigest(Utilities.DigestAlgorithm.MD2, "abc")).toThrow("未対応");
  });
});

// What live Apps Script returns, as recorded by gas-fakes' test/testutilities.js (a suite run in Apps Script):
// a string without a charset is hashed as US-ASCII, each other character (an emoji too) one '?'.
describe("Utilities digests of text without a charset", () => {
  const md5 = (text: string) => int8(createHash("md5").update(text, "latin1").digest());

  it("hashes Japanese text as one '?' per character, not as UTF-8", () => {
    const { MD5, SHA_256 } = Utilities.DigestAlgorithm;
    expect(Utilities.computeDigest(MD5, "日本")).toEqual(md5("??"));
    expect(Utilities.computeDigest(MD5, "日本")).not.toEqual(Utilities.computeDigest(MD5, "日本", Utilities.Charset.UTF_8));
    expect(Utilities.computeDigest(SHA_256, "課題ID")).toEqual(Utilities.computeDigest(SHA_256, "??ID", Utilities.Charset.UTF_8));
  });

  it("gives Apps Script's own digest of \"€🙂\", with or without US_ASCII", () => {
    const appsScript = [-22, 3, -4, -72, -60, 120, 34, -68, -25, 114, -49, 108, 7, -48, -21, -69];
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, "€🙂")).toEqual(appsScript);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, "€🙂", Utilities.Charset.US_ASCII)).toEqual(appsScript);
  });

  it("signs text without a charset as US-ASCII too, key and value alike", () => {
    const appsScript = [-125, 73, -127, -128, -43, -39, 99, -10, 39, -49, -128, 27, 8, -117, 4, -120, -26, -111, 16, 114, -115, 1, -1, -68, -27, 88, 7, 117, 55, -87, -123, -52];
    expect(Utilities.computeHmacSha256Signature("café", "€🙂")).toEqual(appsScript);
    expect(Utilities.computeHmacSha256Signature("café", "€🙂", Utilities.Charset.US_ASCII)).toEqual(appsScript);
    expect(Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_256, "報告", "鍵")).toEqual(
      int8(createHmac("sha256", "?").update("??").digest()),
    );
  });

  it("keeps byte arrays as they are", () => {
    const bytes = int8(Buffer.from("日本", "utf8"));
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, bytes)).toEqual(int8(createHash("md5").update("日本").digest()));
  });
});

describe("Utilities base64", () => {
  it("keeps the = padding in web-safe output, as the Apps Script docs show", () => {
    expect(Utilities.base64EncodeWebSafe("A string here")).toBe("QSBzdHJpbmcgaGVyZQ==");
    expect(Utilities.base64Encode([-5, -1])).toBe("+/8=");
    expect(Utilities.base64EncodeWebSafe([-5, -1])).toBe("-_8=");
  });

  it("decodes to signed bytes", () => {
    expect(Utilities.base64Decode("+/8=")).toEqual([-5, -1]);
    expect(Utilities.base64DecodeWebSafe("-_8=")).toEqual([-5, -1]);
    expect(() => Utilities.base64Decode("not base64!")).toThrow("Could not decode string.");
  });

  it("encodes text as UTF-8, or as ASCII with ? for other characters", () => {
    expect(Utilities.base64Encode("é", Utilities.Charset.UTF_8)).toBe("w6k=");
    expect(Utilities.base64Encode("é")).toBe("w6k=");
    expect(Utilities.base64Encode("é", Utilities.Charset.US_ASCII)).toBe("Pw==");
  });
});

describe("Utilities.newBlob", () => {
  it("holds bytes, type and name", () => {
    const blob = Utilities.newBlob("日本", "text/csv", "a.csv");
    expect(blob.getBytes()).toEqual(int8(Buffer.from("日本")));
    expect(blob.getDataAsString()).toBe("日本");
    expect([blob.getContentType(), blob.getName()]).toEqual(["text/csv", "a.csv"]);
    expect(Utilities.newBlob("x").getContentType()).toBe("text/plain");
    expect(Utilities.newBlob([1, 2]).getContentType()).toBeNull();
  });

  it("copies are independent", () => {
    const blob = Utilities.newBlob("first");
    const copy = blob.copyBlob();
    blob.setDataFromString("second").setName("b.txt");
    expect([copy.getDataAsString(), copy.getName()]).toEqual(["first", null]);
    expect(blob.setContentTypeFromExtension().getContentType()).toBe("text/plain");
  });

  it("gzips and ungzips", () => {
    const packed = Utilities.gzip(Utilities.newBlob("令和".repeat(100), "text/plain", "r.txt"));
    expect(packed.getContentType()).toBe("application/x-gzip");
    expect(packed.getBytes().length).toBeLessThan(600);
    expect(Utilities.ungzip(packed).getDataAsString()).toBe("令和".repeat(100));
  });
});

describe("Utilities misc", () => {
  it("sleep moves the execution's clock and refuses more than 5 minutes", () => {
    const env = makeEnv(1000);
    const utilities = createUtilities(env);
    utilities.sleep(2500);
    expect(env.clock.now()).toBe(3500);
    expect(() => utilities.sleep(300_001)).toThrow();
    expect(env.clock.now()).toBe(3500);
  });

  it("returns random v4 UUIDs", () => {
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });

  it("parses CSV with quotes, escaped quotes and CRLF", () => {
    expect(Utilities.parseCsv('a,"b,c"\r\n"x""y",\nlast')).toEqual([["a", "b,c"], ['x"y', ""], ["last"]]);
    expect(Utilities.parseCsv("a\tb", "\t")).toEqual([["a", "b"]]);
  });

  it("enum members are their own names", () => {
    expect(String(Utilities.DigestAlgorithm.SHA_256)).toBe("SHA_256");
    expect(Utilities.Charset.UTF_8).toBe("UTF_8");
  });
});
