// How the offline services present the Apps Script API surface: enums whose
// values are their own names, and members the runtime does not emulate.

type Names<E> = readonly (keyof E & string)[];

/**
 * An Apps Script enum offline: each value is its own name, so comparisons with
 * `==`, String(value) and values stored in the sidecar all read naturally.
 * (The typings declare numeric enums; the names are what scripts actually use.)
 */
export function defineEnum<E>(names: Names<E>): E {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as E;
}

/** The enum value with this name (the typings want the enum type, the runtime holds the name). */
export function enumValue<E>(name: string): E {
  return name as unknown as E;
}

/**
 * A member the runtime does not emulate throws this: a silent no-op would make
 * a local run look fine while the add-on would behave differently in Sheets.
 */
export function unsupportedError(member: string): Error {
  return new Error(`platina のローカル実行環境では ${member} は未対応です`);
}

/**
 * Installs throwing stand-ins on `cls.prototype`: methods for `methods`, getters
 * for `properties` (enum namespaces). The class merges an interface with the same
 * names, so TypeScript still checks that the class covers the whole Apps Script interface.
 */
export function markUnsupported(
  cls: { prototype: object },
  className: string,
  methods: readonly string[],
  properties: readonly string[] = [],
): void {
  for (const name of [...methods, ...properties]) {
    if (name in cls.prototype) throw new Error(`${className}.${name} is implemented and also listed as unsupported`);
  }
  for (const name of methods) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      writable: true,
      value: function unsupported(): never {
        throw unsupportedError(`${className}.${name}`);
      },
    });
  }
  for (const name of properties) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(): never {
        throw unsupportedError(`${className}.${name}`);
      },
    });
  }
}
