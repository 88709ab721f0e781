// Members of the Apps Script interfaces that the offline runtime does not emulate.
// Each one throws when used: a silent no-op would make a local run look fine
// while the add-on would behave differently in Sheets.

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
