// X会議具体例: the 具体例 an X会議 pack shows beside each 進捗分類, per meeting (its 会議日).
// The pack writes its own choice the first time it is built for a meeting; the
// secretariat swaps an example by typing another issue's ID over it.
import { PROGRESS_CLASSES, parseProgress } from "./classes";
import { EXPECT_DAY, EXPECT_TEXT, expectOneOf, parseDay, parseText } from "./pt-values";
import { defineTypedContract, optional, required, type ParsedRecord } from "./typed";
import { compactText } from "../base/text";

/** How many 具体例 the seed gives each 分類. */
export const EXAMPLES_PER_CLASS = 3;

/** 順: 1 to 3, as a number or text (「１」 too). */
export function parseSlot(value: unknown): number | null | undefined {
  const text = compactText(value);
  if (text === "") return null;
  const slot = Number(text);
  return Number.isInteger(slot) && slot >= 1 && slot <= EXAMPLES_PER_CLASS ? slot : undefined;
}

export const MEETING_EXAMPLES = defineTypedContract({
  name: "X会議具体例",
  fields: {
    会議日: required(parseDay, EXPECT_DAY),
    進捗分類: required(parseProgress, expectOneOf(PROGRESS_CLASSES)),
    順: required(parseSlot, `1〜${EXAMPLES_PER_CLASS}の数字を入力してください。`),
    ID: required(parseText, "課題の ID（例: R7-012）を入力してください。"),
    // Written with the ID so the sheet reads on its own; the pack goes by the ID.
    課題名: optional(parseText, EXPECT_TEXT),
  },
});

export type MeetingExampleRecord = ParsedRecord<typeof MEETING_EXAMPLES.fields>;
