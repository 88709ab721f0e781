// DataValidationBuilder and DataValidation offline. Rules are stored in the model
// as plain data (a range criterion as "'シート'!A1:A9" text) and rebuilt on read.
// Validation never blocks script writes; only entry in the workbench UI checks it.
import type { SheetModel, ValidationRule } from "../../workbook/model";
import { enumValue } from "../api-surface";
import type { WorkbookContext } from "./context";

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

const LIST_LIMIT = 500;

interface RuleData {
  criteria: string | null;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class DataValidationBuilderImpl implements Builder {
  private rule: RuleData;

  constructor(rule: RuleData = { criteria: null, args: [], allowInvalid: true, helpText: null }) {
    this.rule = { ...rule, args: [...rule.args] };
  }

  build(): DataValidationImpl {
    if (!this.rule.criteria) throw new Error("データの入力規則の条件が指定されていません（require… で条件を指定してください）。");
    return new DataValidationImpl({ ...this.rule, args: [...this.rule.args] });
  }

  copy(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this.rule);
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  /** Null until a require… or withCriteria sets one. */
  getCriteriaType(): Criteria {
    return (this.rule.criteria === null ? null : enumValue<Criteria>(this.rule.criteria)) as Criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.rule.args];
  }

  getHelpText(): string | null {
    return this.rule.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilderImpl {
    const args = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set("CHECKBOX", args);
  }

  requireDate(): DataValidationBuilderImpl {
    return this.set("DATE_IS_VALID_DATE", []);
  }

  requireDateAfter(date: Date): DataValidationBuilderImpl {
    return this.set("DATE_AFTER", [date]);
  }

  requireDateBefore(date: Date): DataValidationBuilderImpl {
    return this.set("DATE_BEFORE", [date]);
  }

  requireDateBetween(start: Date, end: Date): DataValidationBuilderImpl {
    return this.set("DATE_BETWEEN", [start, end]);
  }

  requireDateEqualTo(date: Date): DataValidationBuilderImpl {
    return this.set("DATE_EQUAL_TO", [date]);
  }

  requireDateNotBetween(start: Date, end: Date): DataValidationBuilderImpl {
    return this.set("DATE_NOT_BETWEEN", [start, end]);
  }

  requireDateOnOrAfter(date: Date): DataValidationBuilderImpl {
    return this.set("DATE_ON_OR_AFTER", [date]);
  }

  requireDateOnOrBefore(date: Date): DataValidationBuilderImpl {
    return this.set("DATE_ON_OR_BEFORE", [date]);
  }

  requireFormulaSatisfied(formula: string): DataValidationBuilderImpl {
    return this.set("CUSTOM_FORMULA", [formula]);
  }

  requireNumberBetween(start: number, end: number): DataValidationBuilderImpl {
    return this.set("NUMBER_BETWEEN", [start, end]);
  }

  requireNumberEqualTo(number: number): DataValidationBuilderImpl {
    return this.set("NUMBER_EQUAL_TO", [number]);
  }

  requireNumberGreaterThan(number: number): DataValidationBuilderImpl {
    return this.set("NUMBER_GREATER_THAN", [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilderImpl {
    return this.set("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  requireNumberLessThan(number: number): DataValidationBuilderImpl {
    return this.set("NUMBER_LESS_THAN", [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): DataValidationBuilderImpl {
    return this.set("NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }

  requireNumberNotBetween(start: number, end: number): DataValidationBuilderImpl {
    return this.set("NUMBER_NOT_BETWEEN", [start, end]);
  }

  requireNumberNotEqualTo(number: number): DataValidationBuilderImpl {
    return this.set("NUMBER_NOT_EQUAL_TO", [number]);
  }

  requireTextContains(text: string): DataValidationBuilderImpl {
    return this.set("TEXT_CONTAINS", [text]);
  }

  requireTextDoesNotContain(text: string): DataValidationBuilderImpl {
    return this.set("TEXT_DOES_NOT_CONTAIN", [text]);
  }

  requireTextEqualTo(text: string): DataValidationBuilderImpl {
    return this.set("TEXT_EQUAL_TO", [text]);
  }

  requireTextIsEmail(): DataValidationBuilderImpl {
    return this.set("TEXT_IS_VALID_EMAIL", []);
  }

  requireTextIsUrl(): DataValidationBuilderImpl {
    return this.set("TEXT_IS_VALID_URL", []);
  }

  requireValueInList(values: string[], showDropdown = true): DataValidationBuilderImpl {
    if (values.length > LIST_LIMIT) {
      throw new Error(
        `The data validation rule has more items than the limit of ${LIST_LIMIT}. Use the "List from a range" criteria instead.`,
      );
    }
    // Apps Script keeps the items as text: [9, false] comes back as ["9", "false"].
    return this.set("VALUE_IN_LIST", [values.map(String), showDropdown]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): DataValidationBuilderImpl {
    return this.set("VALUE_IN_RANGE", [range, showDropdown]);
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderImpl {
    this.rule.allowInvalid = Boolean(allowInvalidData);
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilderImpl {
    this.rule.helpText = String(helpText);
    return this;
  }

  withCriteria(criteria: Criteria, args: unknown[]): DataValidationBuilderImpl {
    return this.set(String(criteria), [...args]);
  }

  private set(criteria: string, args: unknown[]): DataValidationBuilderImpl {
    this.rule.criteria = criteria;
    this.rule.args = args;
    return this;
  }
}

export class DataValidationImpl implements GoogleAppsScript.Spreadsheet.DataValidation {
  constructor(private readonly rule: RuleData) {}

  copy(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this.rule);
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getCriteriaType(): Criteria {
    return enumValue<Criteria>(this.rule.criteria ?? "");
  }

  getCriteriaValues(): unknown[] {
    return [...this.rule.args];
  }

  getHelpText(): string {
    return this.rule.helpText ?? "";
  }
}

/** Back to a DataValidation; a VALUE_IN_RANGE source is a Range again, as getCriteriaValues() returns it. */
export function fromValidationRule(rule: ValidationRule, ctx: WorkbookContext, sheet: SheetModel): DataValidationImpl {
  const args =
    rule.criteria === "VALUE_IN_RANGE" && typeof rule.args[0] === "string"
      ? [ctx.rangeFromA1(rule.args[0], sheet), ...rule.args.slice(1)]
      : rule.args;
  return new DataValidationImpl({ criteria: rule.criteria, args, allowInvalid: rule.allowInvalid, helpText: rule.helpText });
}
