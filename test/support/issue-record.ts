// A 課題 record for a test: every column of the contract blank, then the test's
// values — so a column added to the contract needs no fixture edited.
import { ISSUES, type IssueRecord } from "../../src/core/contracts/issues";

export function issueRecord(values: Partial<IssueRecord>): IssueRecord {
  const blank = Object.fromEntries(ISSUES.headers.map((header) => [header, ""])) as IssueRecord;
  return { ...blank, ...values };
}
