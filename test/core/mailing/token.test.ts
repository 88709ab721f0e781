// Personal answer links: signed claims that cannot be altered, expire, and serve one purpose.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createToken, linkProblem, tokenPurpose, verifyToken, type TokenClaims } from "../../../src/core/mailing/token";

// HMAC-SHA256 in web-safe base64 without padding, as the add-on signs with Utilities.
const signer = (key: string) => (payload: string) => createHmac("sha256", key).update(payload).digest("base64url");
const sign = signer("the-add-on-key");

const DEADLINE = Date.parse("2026-12-11T23:59:59+09:00");
const CLAIMS: TokenClaims = { purpose: "follow-up", email: "jinji-ka@city.example", cycle: "2026-12", expires: DEADLINE };

/** The token with its payload's JSON edited, signature kept. */
function withPayload(token: string, edit: (json: unknown[]) => unknown): string {
  const [payload, signature] = token.split(".");
  const json = JSON.parse(decodeURIComponent(Buffer.from(payload, "base64url").toString("latin1")));
  return `${Buffer.from(encodeURIComponent(JSON.stringify(edit(json))), "latin1").toString("base64url")}.${signature}`;
}

describe("createToken and verifyToken", () => {
  it("give back the claims signed into the link, up to the last millisecond before expiry", () => {
    const token = createToken(CLAIMS, sign);
    expect(verifyToken(token, sign, DEADLINE - 86_400_000, "follow-up")).toEqual({ ok: true, claims: CLAIMS });
    expect(verifyToken(token, sign, DEADLINE, "follow-up")).toEqual({ ok: true, claims: CLAIMS });
  });

  it("make URL-safe links, also for addresses and cycles with non-ASCII characters", () => {
    const claims: TokenClaims = { purpose: "survey", email: "総務@city.example", cycle: "局区照会-R8", expires: DEADLINE };
    const token = createToken(claims, sign);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyToken(token, sign, DEADLINE, "survey")).toEqual({ ok: true, claims });
  });

  it("refuse a link after its expiry", () => {
    expect(verifyToken(createToken(CLAIMS, sign), sign, DEADLINE + 1, "follow-up")).toEqual({ ok: false, reason: "expired" });
  });

  it("refuse a link whose address, cycle or expiry was changed, or that another key signed", () => {
    const token = createToken(CLAIMS, sign);
    expect(verifyToken(withPayload(token, (json) => json), sign, DEADLINE, "follow-up").ok).toBe(true); // the edit alone breaks nothing
    expect(verifyToken(withPayload(token, ([p, , c, e]) => [p, "someone.else@city.example", c, e]), sign, DEADLINE, "follow-up")).toEqual({ ok: false, reason: "signature" });
    expect(verifyToken(withPayload(token, ([p, m, , e]) => [p, m, "2027-01", e]), sign, DEADLINE, "follow-up")).toEqual({ ok: false, reason: "signature" });
    expect(verifyToken(withPayload(token, ([p, m, c]) => [p, m, c, DEADLINE + 86_400_000]), sign, DEADLINE + 1, "follow-up")).toEqual({ ok: false, reason: "signature" });
    expect(verifyToken(createToken(CLAIMS, signer("a-forger's-key")), sign, DEADLINE, "follow-up")).toEqual({ ok: false, reason: "signature" });
  });

  it("refuse a link with one character of its signature changed or cut short", () => {
    const token = createToken(CLAIMS, sign);
    const last = token.at(-1) === "A" ? "B" : "A";
    expect(verifyToken(`${token.slice(0, -1)}${last}`, sign, DEADLINE, "follow-up")).toEqual({ ok: false, reason: "signature" });
    expect(verifyToken(token.slice(0, -1), sign, DEADLINE, "follow-up")).toEqual({ ok: false, reason: "signature" });
  });

  it("refuse a survey link on the follow-up form and the other way round", () => {
    expect(verifyToken(createToken(CLAIMS, sign), sign, DEADLINE, "survey")).toEqual({ ok: false, reason: "purpose" });
    expect(verifyToken(createToken({ ...CLAIMS, purpose: "survey" }, sign), sign, DEADLINE, "follow-up")).toEqual({ ok: false, reason: "purpose" });
  });

  it("keep the cycle the link was made for, so a link of another month can be told apart", () => {
    const november = verifyToken(createToken({ ...CLAIMS, cycle: "2026-11" }, sign), sign, DEADLINE, "follow-up");
    expect(november.ok && november.claims.cycle).toBe("2026-11");
  });

  it("call missing, cut and garbled links malformed", () => {
    for (const token of [undefined, null, "", "abc", ".sig"]) {
      expect(verifyToken(token, sign, DEADLINE, "follow-up"), String(token)).toEqual({ ok: false, reason: "malformed" });
    }
    // Correctly signed, but not the four claims.
    for (const payload of ["not base64!", Buffer.from("{}").toString("base64url"), Buffer.from("[1,2]").toString("base64url")]) {
      expect(verifyToken(`${payload}.${sign(payload)}`, sign, DEADLINE, "follow-up"), payload).toEqual({ ok: false, reason: "malformed" });
    }
  });
});

describe("tokenPurpose", () => {
  it("reads the purpose to pick the form, and null from anything else", () => {
    expect(tokenPurpose(createToken(CLAIMS, sign))).toBe("follow-up");
    expect(tokenPurpose(createToken({ ...CLAIMS, purpose: "survey" }, sign))).toBe("survey");
    expect(tokenPurpose(withPayload(createToken(CLAIMS, sign), ([, m, c, e]) => ["admin", m, c, e]))).toBeNull();
    for (const token of [undefined, "", "garbage", "x.y"]) expect(tokenPurpose(token)).toBeNull();
  });
});

describe("linkProblem", () => {
  it("tells the owner in Japanese what is wrong and what to do, naming the form", () => {
    expect(linkProblem("malformed", "進捗確認")).toContain("途中で切れないようにそのまま開いてください");
    expect(linkProblem("signature", "進捗確認")).toContain("改変された可能性があります");
    expect(linkProblem("expired", "進捗確認")).toContain("市政変革推進室にご連絡ください");
    expect(linkProblem("purpose", "取組照会")).toBe("このリンクは取組照会の回答用ではありません。");
  });
});
