// Named moments where a crash test may stop the runtime: every step that puts
// something on disk or in the mail passes one first. PLATINA_CRASH_AT=n kills
// the process (SIGKILL, as kill -9 does) at the n-th point, so a crash test
// picks its kill points from a seed instead of racing a timer.

export interface CrashPoints {
  /** Called just before a durable step named `label`; may never return. */
  pass(label: string): void;
}

export const NO_CRASH: CrashPoints = { pass: () => undefined };

/**
 * From the environment of a `platina` process: PLATINA_CRASH_AT=n, and PLATINA_CRASH_TRACE=1 to
 * list the points through `trace` (stderr). Only a real process may be given PLATINA_CRASH_AT: it kills itself.
 */
export function crashPointsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  traceTo: (text: string) => void = (text) => void process.stderr.write(text),
): CrashPoints {
  const at = Number(env.PLATINA_CRASH_AT);
  const trace = env.PLATINA_CRASH_TRACE === "1";
  if (!(at > 0) && !trace) return NO_CRASH;
  let count = 0;
  return {
    pass(label) {
      count++;
      if (trace) traceTo(`crash-point ${count} ${label}\n`);
      if (count === at) process.kill(process.pid, "SIGKILL");
    },
  };
}

/** In-process stand-in for a kill: from the n-th point on, every durable step throws, so nothing more reaches disk. */
export class SimulatedCrash extends Error {}

export function simulatedCrashAt(at: number): CrashPoints & { readonly crashed: boolean; readonly labels: string[] } {
  const labels: string[] = [];
  return {
    labels,
    get crashed() {
      return labels.length >= at;
    },
    pass(label) {
      labels.push(label);
      if (labels.length >= at) throw new SimulatedCrash(`simulated crash at ${at} (${labels[at - 1]})`);
    },
  };
}
