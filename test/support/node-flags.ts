// Node flags for the processes a test run starts: the type checks (scripts/pretest.ts), the
// vitest workers (and the workbench and mail worker threads inside them, which share their V8
// flags) and the `platina` processes tests start. Tuning only: what the code does is the same
// with any of them.
//
// V8 optimizes a function once it has run some interpreted work (the interrupt budget). Test
// code runs a great deal of code a few times each, so with the default budget the optimizing
// compiler was busy on the other core with functions about to go unused: 8 times the budget
// took 16 % less CPU over test/features, test/local/runtime and test/ui, and a `platina`
// mailing run 1.6 instead of 2.5 CPU-s (turning the optimizer off: 1.7, but slower to finish).
// A larger young generation: the runtime allocates a copy of every range it passes, and with
// Node's default the workers spent a tenth of their time in scavenges.
export const OPTIMIZE_LATER = "--interrupt-budget=540672";

/** The vitest workers' flags. */
export const WORKER_FLAGS = ["--max-semi-space-size=64", OPTIMIZE_LATER];

/** The flags of each `platina` process a test starts. */
export const PROCESS_FLAGS = [OPTIMIZE_LATER];
