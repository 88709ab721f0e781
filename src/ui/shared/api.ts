// What the server's google.script.run targets take and return, as the browser
// sees them (plain objects only: dates travel as ISO strings). Typed from the
// entry points themselves (a type-only import: nothing of the server is bundled).
import type * as EntryPoints from "../../entry-points";

export type { Role } from "../../core/access";
export type { HistoryItem, SaveFailureReason, SaveResult, SidebarContext } from "../../core/sidebar-api";

type Server = typeof EntryPoints;

export type SidebarApi = Pick<Server, "getSidebarContext" | "getMyIssues" | "getIssueHistory" | "saveIssueUpdate">;
export type IntakeApi = Pick<Server, "getUnsortedIssues" | "sortIssue">;
export type { SortResult, UnsortedView } from "../../core/sidebar-api";
export type { SortingChoice, SortingRequest } from "../../core/intake";
export type PtApi = Pick<Server, "getPtContext" | "savePtActivity" | "updatePtStep" | "updatePtTeam">;
export type { ActivityInput, PtContext, PtSaveResult, PtStepView, PtTeamView } from "../../core/pt/sidebar-api";
export type ReportDialogApi = Pick<Server, "createProgressReport" | "showProgressReportPrint" | "openProgressReportSheet">;
export type PlatinaReportApi = Pick<Server, "createPlatinaReport">;
export type MeetingPackApi = Pick<Server, "createMeetingPack">;
export type AnswerFormApi = Pick<Server, "submitAnswerForm">;
