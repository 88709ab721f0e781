// One execution's global scope: a fresh vm context, as Apps Script gives each
// execution, whose Date follows the runtime's clock and whose services are bridged.
import vm from "node:vm";
import type { Realm } from "./service-proxy";

export interface AddonContext {
  context: vm.Context;
  realm: Realm;
  global: Record<string, unknown>;
}

// `new Date()` and `Date.now()` inside the add-on read the injectable clock.
const CLOCK_DATE = `(function (now) {
  const NativeDate = Date;
  function ClockDate(...args) {
    if (!new.target) return new NativeDate(now()).toString();
    return args.length === 0 ? new NativeDate(now()) : new NativeDate(...args);
  }
  Object.setPrototypeOf(ClockDate, NativeDate);
  ClockDate.prototype = NativeDate.prototype;
  ClockDate.now = () => now();
  ClockDate.parse = NativeDate.parse;
  ClockDate.UTC = NativeDate.UTC;
  globalThis.Date = ClockDate;
  return { Date: ClockDate, Error, Array, Object };
})`;

export function createAddonContext(now: () => number): AddonContext {
  const context = vm.createContext({});
  const install = vm.runInContext(CLOCK_DATE, context) as (now: () => number) => Realm;
  const realm = install(now);
  return { context, realm, global: context as Record<string, unknown> };
}
