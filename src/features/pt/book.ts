// The four PT sheets the sidebar works on, each read once (one getValues) and
// parsed through its contract, with the tables kept for writing back by header.
import { PT_ACTIVITIES } from "../../core/contracts/pt-activities";
import { PT_MEMBERS } from "../../core/contracts/pt-members";
import { PT_STEPS } from "../../core/contracts/pt-steps";
import { PT_TEAMS } from "../../core/contracts/pt-teams";
import type { Day } from "../../core/contracts/pt-values";
import { readActivities, type Activity } from "../../core/pt/activities";
import { readMembers, type MemberRecord } from "../../core/pt/members";
import { teamView, type PtTeamView } from "../../core/pt/sidebar-api";
import { readSteps, type StepRecord } from "../../core/pt/steps";
import { readTeams, type TeamRecord } from "../../core/pt/teams";
import { requireRecords } from "../../gas/table";

export function openPtBook() {
  const tables = {
    members: requireRecords(PT_MEMBERS, []),
    teams: requireRecords(PT_TEAMS, []),
    steps: requireRecords(PT_STEPS, []),
    activities: requireRecords(PT_ACTIVITIES, []),
  };
  const members = readMembers(tables.members.values).map((r) => r.record);
  return {
    tables,
    members,
    teams: readTeams(tables.teams.values),
    steps: readSteps(tables.steps.values),
    activities: readActivities(tables.activities.values, members),
  };
}

export type PtBook = ReturnType<typeof openPtBook>;

export function viewOf(
  book: { members: readonly MemberRecord[]; teams: readonly { record: TeamRecord }[]; steps: readonly { record: StepRecord }[]; activities: readonly Activity[] },
  year: number,
  team: string,
  today: Day,
): PtTeamView {
  return teamView({ members: book.members, teams: book.teams.map((r) => r.record), steps: book.steps.map((r) => r.record), activities: book.activities }, year, team, today);
}
