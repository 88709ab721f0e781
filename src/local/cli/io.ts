// What a CLI command reads and writes outside its arguments. A real process passes
// its own (main.ts); a test passes captured output, a folder and an environment,
// and runs the command in-process.

export interface CliIo {
  /** The folder relative workbook paths are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when the user asks a long-running command (`start`) to stop: Ctrl-C in a terminal. */
  stopRequested(): Promise<void>;
}

/** This process's own: its folder, environment, stdout/stderr, and SIGINT/SIGTERM. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stopRequested: () =>
      new Promise<void>((done) => {
        process.once("SIGINT", () => done());
        process.once("SIGTERM", () => done());
      }),
  };
}
