// Apps Script's daily quotas "are per user and reset 24 hours after the first
// request" (G-quota), not at midnight: a window opens with the first use and its
// count starts again once the window is 24 hours old.

export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A quota's count and when its window opened (null: no use yet). */
export interface QuotaWindow {
  since: number | null;
}

/** Closes a window 24 hours old (`clear` zeroes its count); the window returned is the current one. */
export function currentWindow<W extends QuotaWindow>(window: W, now: number, clear: (window: W) => void): W {
  if (window.since !== null && now >= window.since + QUOTA_WINDOW_MS) {
    window.since = null;
    clear(window);
  }
  return window;
}

/** Opens the window at the first use. */
export function useWindow(window: QuotaWindow, now: number): void {
  window.since ??= now;
}
