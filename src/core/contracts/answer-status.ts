// 回答状況_<cycle>: generated after a mailing's deadline with its digest — who
// answered, then what the form changed — and replaced as a whole each time.
// 回答状況_2026-12 for the monthly follow-up, 回答状況_局区照会-R8 for the survey.

const PREFIX = "回答状況_";

export const ANSWER_STATUS = {
  prefix: PREFIX,
  nameFor: (cycle: string) => `${PREFIX}${cycle}`,
  /** Widths (px) of columns A–F, given when the sheet is created: both tables of both mailings share them. */
  widths: [150, 200, 300, 200, 320, 320],
  /** The follow-up's two tables: one row per owner (督促: how its bureau's representative was told, when 設定 turns it on), then each change received. */
  followUp: {
    answers: ["局区", "所管課", "担当者メール", "件数", "回答", "督促"],
    changes: ["日時", "ID", "課題名", "項目", "変更前 → 変更後"],
  },
  /** The survey's two tables: one row per 局区, then each change received. */
  survey: {
    answers: ["局区名", "代表メール", "回答", "取組件数", "好事例候補"],
    changes: ["日時", "ID", "変更内容", "回答者", ""],
  },
} as const;
