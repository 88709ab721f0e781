// google.script.run as promises, typed by the server functions a page calls.

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
}

declare const google: { script: { run: Runner } };

type ServerFunctions<Api> = { [N in keyof Api]: (...args: never[]) => unknown };

/** `call("name", ...args)` resolves with the server's return value, rejects with its exception. */
export function serverFunctions<Api extends ServerFunctions<Api>>() {
  return function call<N extends keyof Api & string>(
    name: N,
    ...args: Parameters<Api[N]>
  ): Promise<ReturnType<Api[N]>> {
    return new Promise((resolve, reject) => {
      // Each with…Handler returns a new runner, so one chain per call keeps calls apart.
      const runner = google.script.run
        .withSuccessHandler((value) => resolve(value as ReturnType<Api[N]>))
        .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
      (runner as unknown as Record<string, (...a: unknown[]) => void>)[name](...args);
    });
  };
}

/** The failure text users read: what the server or the network said, without a stack. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
