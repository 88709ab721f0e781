// How PT rows are named in 履歴's ID column: the sheet, the 年度 and the row's key
// (PT rows have no ID), so the report can replay them and never mixes them with 課題.

export const teamKey = (year: number, team: string) => `PT:R${year}:${team}`;
export const stepKey = (year: number, team: string, step: string) => `PT工程:R${year}:${team}:${step}`;
export const activityKey = (year: number, team: string) => `PT活動:R${year}:${team}`;
