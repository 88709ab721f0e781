// Apps Script's daily mail quota (G-quota): counted in recipients, per account,
// and it comes back 24 hours after the first send — not at midnight. The add-on
// reads what is left from MailApp.getRemainingDailyQuota(); these are the limits
// the texts name, by account type.

/** Recipients a day: consumer accounts (gmail.com), Google Workspace accounts (G-quota). */
export const DAILY_RECIPIENTS = { consumer: 100, workspace: 1500 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sent a little after the quota is due back, so clocks a few minutes apart still agree. */
const MARGIN_MS = 5 * 60 * 1000;

/** "1,500": digits grouped by hand (Apps Script does not promise Intl's locale data). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** The quota rules in one sentence, for every place that shows a quota. */
export const QUOTA_RULE =
  `メールの送信数の上限は宛先の数で数え、Google Workspace のアカウントで1日${grouped(DAILY_RECIPIENTS.workspace)}件、` +
  `個人の Google アカウント（gmail.com など）で1日${DAILY_RECIPIENTS.consumer}件です。上限は深夜0時ではなく、その日最初に送信してから24時間後に戻ります。`;

/**
 * When a quota used up at `now` is due back: 24 hours after the earliest send
 * the log shows within the last 24 hours. A send the log does not show (a test
 * mail) can only make the quota come back sooner; a logged send of an earlier
 * 24-hour window can make this too soon, and then that step stops at the quota
 * again and waits from its own sends. With none logged, 24 hours from now.
 */
export function quotaBackAt(sendTimes: readonly number[], now: number): Date {
  const counted = sendTimes.filter((t) => t > now - DAY_MS && t <= now);
  const first = counted.length > 0 ? Math.min(...counted) : now;
  return new Date(first + DAY_MS + MARGIN_MS);
}
