// The SpreadsheetApp and Ui enums the offline services expose (values are their names).
import { defineEnum } from "../api-surface";

type SS = typeof GoogleAppsScript.Spreadsheet;

export const DataValidationCriteria = defineEnum<SS["DataValidationCriteria"]>([
  "DATE_AFTER", "DATE_BEFORE", "DATE_BETWEEN", "DATE_EQUAL_TO", "DATE_IS_VALID_DATE", "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER", "DATE_ON_OR_BEFORE", "NUMBER_BETWEEN", "NUMBER_EQUAL_TO", "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO", "NUMBER_LESS_THAN", "NUMBER_LESS_THAN_OR_EQUAL_TO", "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO", "TEXT_CONTAINS", "TEXT_DOES_NOT_CONTAIN", "TEXT_EQUAL_TO", "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL", "VALUE_IN_LIST", "VALUE_IN_RANGE", "CUSTOM_FORMULA", "CHECKBOX",
]);

export const BooleanCriteria = defineEnum<SS["BooleanCriteria"]>([
  "CELL_EMPTY", "CELL_NOT_EMPTY", "DATE_AFTER", "DATE_BEFORE", "DATE_EQUAL_TO", "DATE_AFTER_RELATIVE",
  "DATE_BEFORE_RELATIVE", "DATE_EQUAL_TO_RELATIVE", "NUMBER_BETWEEN", "NUMBER_EQUAL_TO", "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO", "NUMBER_LESS_THAN", "NUMBER_LESS_THAN_OR_EQUAL_TO", "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO", "TEXT_CONTAINS", "TEXT_DOES_NOT_CONTAIN", "TEXT_EQUAL_TO", "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH", "CUSTOM_FORMULA",
]);

export const ProtectionType = defineEnum<SS["ProtectionType"]>(["RANGE", "SHEET"]);

export const BorderStyle = defineEnum<SS["BorderStyle"]>([
  "DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "DOUBLE",
]);

export const SheetType = defineEnum<SS["SheetType"]>(["GRID", "OBJECT"]);

export const Button = defineEnum<typeof GoogleAppsScript.Base.Button>(["CLOSE", "OK", "CANCEL", "YES", "NO"]);

export const ButtonSet = defineEnum<typeof GoogleAppsScript.Base.ButtonSet>(["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);
