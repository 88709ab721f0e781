// Conditional format rules offline: the boolean conditions the workbook model can
// evaluate (text equals/contains, custom formula, empty/not empty) with background,
// font colour and bold. Gradients and the number/date conditions are not emulated.
import type { ConditionalRule, SheetModel } from "../../workbook/model";
import { enumValue, markUnsupported, unsupportedError } from "../api-surface";
import type { LocalRange, WorkbookContext } from "./context";

type GasBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type BooleanCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;

/** Apps Script criterion ↔ the model's condition. */
const CONDITIONS: Record<string, ConditionalRule["condition"]> = {
  TEXT_EQUAL_TO: "TEXT_EQ",
  TEXT_CONTAINS: "TEXT_CONTAINS",
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
  CELL_EMPTY: "CELL_EMPTY",
  CELL_NOT_EMPTY: "CELL_NOT_EMPTY",
};
const CRITERIA = Object.fromEntries(Object.entries(CONDITIONS).map(([criteria, condition]) => [condition, criteria]));

interface RuleData {
  criteria: string | null;
  value: string;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: LocalRange[];
}

const BUILDER_UNSUPPORTED = [
  "getGradientCondition", "setGradientMaxpoint", "setGradientMaxpointWithValue", "setGradientMidpointWithValue",
  "setGradientMinpoint", "setGradientMinpointWithValue", "setItalic", "setStrikethrough", "setUnderline",
  "whenDateAfter", "whenDateBefore", "whenDateEqualTo", "whenNumberBetween", "whenNumberEqualTo",
  "whenNumberGreaterThan", "whenNumberGreaterThanOrEqualTo", "whenNumberLessThan", "whenNumberLessThanOrEqualTo",
  "whenNumberNotBetween", "whenNumberNotEqualTo", "whenTextDoesNotContain", "whenTextEndsWith", "whenTextStartsWith",
] as const satisfies readonly (keyof GasBuilder)[];

export interface ConditionalFormatRuleBuilderImpl extends Pick<GasBuilder, (typeof BUILDER_UNSUPPORTED)[number]> {}

export class ConditionalFormatRuleBuilderImpl implements GasBuilder {
  private rule: RuleData;

  constructor(rule?: RuleData) {
    this.rule = rule
      ? { ...rule, ranges: [...rule.ranges] }
      : { criteria: null, value: "", background: null, fontColor: null, bold: null, ranges: [] };
  }

  build(): ConditionalFormatRuleImpl {
    if (!this.rule.criteria) throw new Error("条件付き書式の条件が指定されていません（when… で条件を指定してください）。");
    return new ConditionalFormatRuleImpl({ ...this.rule, ranges: [...this.rule.ranges] });
  }

  copy(): ConditionalFormatRuleBuilderImpl {
    return new ConditionalFormatRuleBuilderImpl(this.rule);
  }

  getBooleanCondition(): BooleanConditionImpl | null {
    return this.rule.criteria ? new BooleanConditionImpl(this.rule) : null;
  }

  getRanges(): LocalRange[] {
    return [...this.rule.ranges];
  }

  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): ConditionalFormatRuleBuilderImpl {
    this.rule.ranges = [...(ranges as LocalRange[])];
    return this;
  }

  setBackground(color: string | null): ConditionalFormatRuleBuilderImpl {
    this.rule.background = color == null ? null : String(color).toLowerCase();
    return this;
  }

  setFontColor(color: string | null): ConditionalFormatRuleBuilderImpl {
    this.rule.fontColor = color == null ? null : String(color).toLowerCase();
    return this;
  }

  setBold(bold: boolean | null): ConditionalFormatRuleBuilderImpl {
    this.rule.bold = bold;
    return this;
  }

  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderImpl {
    return this.when("TEXT_EQUAL_TO", String(text));
  }

  whenTextContains(text: string): ConditionalFormatRuleBuilderImpl {
    return this.when("TEXT_CONTAINS", String(text));
  }

  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderImpl {
    return this.when("CUSTOM_FORMULA", String(formula));
  }

  whenCellEmpty(): ConditionalFormatRuleBuilderImpl {
    return this.when("CELL_EMPTY", "");
  }

  whenCellNotEmpty(): ConditionalFormatRuleBuilderImpl {
    return this.when("CELL_NOT_EMPTY", "");
  }

  withCriteria(criteria: BooleanCriteria, args: unknown[]): ConditionalFormatRuleBuilderImpl {
    const name = String(criteria);
    if (!(name in CONDITIONS)) throw unsupportedError(`条件付き書式の ${name}`);
    return this.when(name, args.length > 0 ? String(args[0]) : "");
  }

  private when(criteria: string, value: string): ConditionalFormatRuleBuilderImpl {
    this.rule.criteria = criteria;
    this.rule.value = value;
    return this;
  }
}

markUnsupported(ConditionalFormatRuleBuilderImpl, "ConditionalFormatRuleBuilder", BUILDER_UNSUPPORTED);

export class ConditionalFormatRuleImpl implements GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  constructor(readonly rule: RuleData) {}

  copy(): ConditionalFormatRuleBuilderImpl {
    return new ConditionalFormatRuleBuilderImpl(this.rule);
  }

  getBooleanCondition(): BooleanConditionImpl {
    return new BooleanConditionImpl(this.rule);
  }

  /** Gradients are not emulated, so a rule is always a boolean one. */
  getGradientCondition(): null {
    return null;
  }

  getRanges(): LocalRange[] {
    return [...this.rule.ranges];
  }
}

export class BooleanConditionImpl implements GoogleAppsScript.Spreadsheet.BooleanCondition {
  constructor(private readonly rule: RuleData) {}

  getBackground(): string | null {
    return this.rule.background;
  }

  getBold(): boolean | null {
    return this.rule.bold;
  }

  getCriteriaType(): BooleanCriteria {
    return enumValue<BooleanCriteria>(this.rule.criteria ?? "");
  }

  getCriteriaValues(): unknown[] {
    return this.rule.criteria === "CELL_EMPTY" || this.rule.criteria === "CELL_NOT_EMPTY" ? [] : [this.rule.value];
  }

  getFontColor(): string | null {
    return this.rule.fontColor;
  }

  // Italic, strikethrough and underline cannot be set offline, so they are never part of a rule.
  getItalic(): null {
    return null;
  }

  getStrikethrough(): null {
    return null;
  }

  getUnderline(): null {
    return null;
  }
}

/** The model's form of rules set on one sheet (ranges on other sheets are ignored, as Sheets does). */
export function toConditionalRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[], sheet: SheetModel): ConditionalRule[] {
  return rules.map((gas) => {
    const { rule } = gas as ConditionalFormatRuleImpl;
    return {
      ranges: rule.ranges
        .filter((range) => range.sheetModel === sheet)
        .map(({ area }) => ({ row: area.row - 1, column: area.column - 1, numRows: area.numRows, numColumns: area.numColumns })),
      condition: CONDITIONS[rule.criteria!],
      value: rule.value,
      background: rule.background,
      fontColor: rule.fontColor,
      bold: rule.bold,
    };
  });
}

export function fromConditionalRules(rules: ConditionalRule[], ctx: WorkbookContext, sheet: SheetModel): ConditionalFormatRuleImpl[] {
  return rules.map(
    (rule) =>
      new ConditionalFormatRuleImpl({
        criteria: CRITERIA[rule.condition],
        value: rule.value,
        background: rule.background,
        fontColor: rule.fontColor,
        bold: rule.bold,
        ranges: rule.ranges.map((g) => ctx.range(sheet, g.row + 1, g.column + 1, g.numRows, g.numColumns)),
      }),
  );
}
