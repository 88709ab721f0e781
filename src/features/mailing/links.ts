// Personal links to the web app's forms: signed with the add-on's key, carrying
// the address, the cycle the form is for and the deadline.
import { createToken, verifyToken, type TokenCheck, type TokenPurpose } from "../../core/mailing/token";
import { linkSigner } from "../../gas/secret";
import { webAppUrl } from "../../gas/triggers";

/** Links valid until the deadline; `cycle` is what the token carries. */
export function linkMaker(purpose: TokenPurpose, cycle: string, deadline: Date): (email: string) => string {
  const base = webAppUrl();
  const sign = linkSigner();
  return (email) => `${base}?t=${createToken({ purpose, email, cycle, expires: deadline.getTime() }, sign)}`;
}

/** Whether `token` is a valid, unexpired link for this form. */
export function checkLink(token: unknown, purpose: TokenPurpose): TokenCheck {
  return verifyToken(token, linkSigner(), Date.now(), purpose);
}
