// Clocks for the runtime's "now": the machine's, or a settable one for tests,
// demos and `platina trigger`, which moves time forward on purpose.
import type { Clock } from "../execution/env";

const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function realClock(): Clock {
  return {
    now: () => Date.now(),
    sleep: (ms) => {
      if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
    },
  };
}

export interface FakeClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** Time stands still until set or advanced; sleeping advances it instantly. */
export function fakeClock(start: number | Date): FakeClock {
  let now = typeof start === "number" ? start : start.getTime();
  return {
    now: () => now,
    sleep: (ms) => {
      now += Math.max(0, ms);
    },
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
