/**
 * @deprecated used by follow-up/survey (and src/local) until they import ./text, where these now live.
 */
export { asStoredText, escapeHtml, isValidEmail, normalizeEmail } from "./base/text";
