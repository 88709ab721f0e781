// Hands a Node-side service to the add-on's vm context: every method call is
// counted, forbidden calls and arguments no overload takes fail as Apps Script
// fails them, and values cross the realm boundary (Dates, arrays and errors
// become the vm's own, so `instanceof` works in add-on code as in Apps Script).
import type { AuthModeName } from "../execution/contexts";
import type { CallCounter } from "./call-counter";
import { checkArguments, type ValueKinds } from "./signature-check";

export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
}

/** Services a custom function may call; everything else needs authorization it never has. */
const CUSTOM_FUNCTION_SERVICES = new Set([
  "CacheService", "HtmlService", "LockService", "PropertiesService", "SpreadsheetApp", "Utilities", "Session", "Logger",
]);
/** Simple triggers (onOpen, onEdit) run without authorization too (G-trig). */
const LIMITED_FORBIDDEN = new Set(["MailApp", "ScriptApp"]);
/** AuthMode.NONE has not even the document's properties (R-authmode's own example). */
const NONE_FORBIDDEN = new Set([...LIMITED_FORBIDDEN, "PropertiesService"]);

const REQUIRED_SCOPE: Record<string, string> = {
  MailApp: "https://www.googleapis.com/auth/script.send_mail",
  ScriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  ContentService: "https://www.googleapis.com/auth/script.external_request",
};

function permitted(service: string, authMode: AuthModeName): boolean {
  if (authMode === "CUSTOM_FUNCTION") return CUSTOM_FUNCTION_SERVICES.has(service);
  if (authMode === "LIMITED") return !LIMITED_FORBIDDEN.has(service);
  if (authMode === "NONE") return !NONE_FORBIDDEN.has(service);
  return true;
}

function className(target: object): string {
  return (target.constructor?.name ?? "Object").replace(/^(Fake|Local|Offline)/, "").replace(/(Impl|Fake)$/, "");
}

function isServiceObject(value: unknown, realm: Realm): value is object {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  if (Object.prototype.toString.call(value) === "[object Date]") return false;
  // Plain objects of either realm are data, not services.
  const proto = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== realm.Object.prototype && proto !== null;
}

export class ServiceBridge {
  private readonly wrapped = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  /** Host-side arguments as the signature check sees them. */
  private readonly kinds: ValueKinds = {
    classOf: (value) => (isServiceObject(value, this.realm) ? className(value) : null),
    isPlain: (value) => !isServiceObject(value, this.realm),
  };

  constructor(
    private readonly realm: Realm,
    private readonly counter: CallCounter,
    private readonly authMode: () => AuthModeName,
  ) {}

  /** The object the vm sees as the global `service` (e.g. SpreadsheetApp). */
  expose(service: string, target: object): object {
    return this.wrap(service, target, true);
  }

  private wrap(service: string, target: object, top: boolean): object {
    const known = this.wrapped.get(target);
    if (known) return known;
    const bridge = this;
    const cls = top ? "" : `${className(target)}.`;
    // String(range) is "Range", as in Apps Script; a class with its own toString (User: the email) keeps it.
    const name = top ? service : className(target);
    const toString = () => name;
    const proxy = new Proxy(target, {
      get(obj, key, receiver) {
        const value = Reflect.get(obj, key, receiver);
        if (typeof key === "symbol") return value;
        if (key === "toString" && value === Object.prototype.toString) return toString;
        if (typeof value === "function") {
          if (key === "constructor") return value;
          return function (this: unknown, ...args: unknown[]) {
            const method = `${cls}${key}`;
            if (!permitted(service, bridge.authMode())) {
              const scope = REQUIRED_SCOPE[service];
              throw new bridge.realm.Error(
                `You do not have permission to call ${service}.${key}.` + (scope ? ` Required permissions: ${scope}` : ""),
              );
            }
            const hostArgs = args.map((a) => bridge.toHost(a));
            try {
              checkArguments(`${name}.${key}`, top ? `${service}.${key}` : `${service}.${name}.${key}`, hostArgs, bridge.kinds);
            } catch (error) {
              throw bridge.toVmError(error);
            }
            bridge.counter.record(service, method);
            let result: unknown;
            try {
              result = value.apply(obj, hostArgs);
            } catch (error) {
              throw bridge.toVmError(error);
            }
            if (result === obj) return proxy; // chaining returns the same proxy
            return bridge.toVm(service, result);
          };
        }
        return bridge.toVm(service, value);
      },
    });
    this.wrapped.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  /** A value going into the vm: service objects wrapped, Dates and arrays made the vm's own. */
  toVm(service: string, value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    if (Object.prototype.toString.call(value) === "[object Date]") return new this.realm.Date((value as Date).getTime());
    if (Array.isArray(value)) {
      // A loop, not Array.from with a callback: getValues and range arguments carry thousands of cells.
      const copy = new this.realm.Array(value.length) as unknown[];
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        copy[i] = v === null || typeof v !== "object" ? v : this.toVm(service, v);
      }
      return copy;
    }
    if (isServiceObject(value, this.realm)) return this.wrap(service, value, false);
    const copy = new this.realm.Object() as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = this.toVm(service, v);
    return copy;
  }

  /** A value coming from the vm: Dates and arrays made Node's own, our proxies unwrapped. */
  toHost(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    const target = this.targets.get(value);
    if (target) return target;
    if (Object.prototype.toString.call(value) === "[object Date]") return new Date((value as Date).getTime());
    if (Array.isArray(value)) return Array.from(value, (v) => this.toHost(v));
    return value;
  }

  toVmError(error: unknown): Error {
    if (error instanceof this.realm.Error) return error;
    const message = error instanceof Error ? error.message : String(error);
    const vmError = new this.realm.Error(message);
    if (error instanceof Error && error.stack) vmError.stack = `${error.name}: ${message}\n${error.stack.split("\n").slice(1).join("\n")}`;
    return vmError;
  }
}
