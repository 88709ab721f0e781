// The workbench's "now": the machine's time shifted by however far the user has
// advanced it (so a monthly trigger can be reached in a click), or — for tests —
// a fixed time that stands still until advanced.
import { fakeClock, type FakeClock } from "../../runtime/clock";

export type WorkbenchClock = FakeClock;

export function workbenchClock(start?: number): WorkbenchClock {
  if (start !== undefined) return fakeClock(start);
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    // Utilities.sleep moves simulated time on instead of holding up the worker.
    sleep: (ms) => {
      offset += Math.max(0, ms);
    },
    set: (ms) => {
      offset = ms - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}
