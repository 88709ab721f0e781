// Counts every service call of an execution, per service and method, and
// charges each to a simulated Apps Script duration (a configurable cost model).

export type CallCounts = Record<string, Record<string, number>>;

/** Simulated milliseconds per call: keys "Service.Class.method", "Service.Class.*", "Service.*" or "*". */
export type CostModel = Record<string, number>;

/**
 * Rough Apps Script costs: spreadsheet round trips dominate, mail is slow,
 * in-memory services are nearly free. Tune per deployment; benchmarks print the model used.
 */
export const DEFAULT_COST_MODEL: CostModel = {
  "*": 1,
  "SpreadsheetApp.Range.getValues": 60,
  "SpreadsheetApp.Range.getDisplayValues": 60,
  "SpreadsheetApp.Range.getFormulas": 60,
  "SpreadsheetApp.Range.setValues": 90,
  "SpreadsheetApp.Range.setValue": 60,
  "SpreadsheetApp.Sheet.appendRow": 80,
  "SpreadsheetApp.Sheet.getLastRow": 20,
  "SpreadsheetApp.Spreadsheet.getSheetByName": 10,
  "SpreadsheetApp.flush": 100,
  "MailApp.sendEmail": 250,
  "PropertiesService.*": 10,
  "LockService.Lock.waitLock": 20,
};

export class CallCounter {
  readonly counts: CallCounts = {};
  simulatedMs = 0;

  constructor(
    private readonly costs: CostModel = DEFAULT_COST_MODEL,
    /** Called with each call's simulated cost, e.g. to move a fake clock forward. */
    private readonly onCost: (ms: number) => void = () => undefined,
  ) {}

  record(service: string, method: string): void {
    const perService = (this.counts[service] ??= {});
    perService[method] = (perService[method] ?? 0) + 1;
    const [cls] = method.includes(".") ? method.split(".") : [""];
    const cost =
      this.costs[`${service}.${method}`] ??
      (cls ? this.costs[`${service}.${cls}.*`] : undefined) ??
      this.costs[`${service}.*`] ??
      this.costs["*"] ??
      0;
    this.simulatedMs += cost;
    this.onCost(cost);
  }

  /** Calls of one service whose method name matches, e.g. reads = /\.get(Values|DisplayValues|Formulas)$/. */
  total(service: string, method?: RegExp): number {
    return Object.entries(this.counts[service] ?? {})
      .filter(([name]) => !method || method.test(name))
      .reduce((sum, [, n]) => sum + n, 0);
  }
}
