// The monthly follow-up as a mailing: each month the owners of open tracked
// issues are asked, one request per owner listing their issues, through the
// mailing engine; after the deadline the secretariat gets who answered and
// every change received.
import { cycleMonth } from "../../core/follow-up/cycle";
import { composeDigest, digestRows, withTitles } from "../../core/follow-up/digest";
import { composeRequest } from "../../core/follow-up/mail";
import { badAddressMessage, ownerRequests, type OwnerRequest } from "../../core/follow-up/recipients";
import { ISSUES } from "../../core/contracts/issues";
import { dayOf } from "../../core/contracts/pt-values";
import { sendConfirmation } from "../../core/follow-up/status-view";
import type { Settings } from "../../core/settings";
import { requireRecords } from "../../gas/table";
import type { Audience, Mailing, Recipient } from "../mailing/engine";

export const CONTINUE_HANDLER = "continueFollowUp";

interface Owner extends Recipient {
  request: OwnerRequest;
}

export const FOLLOW_UP: Mailing<Owner> = {
  handler: CONTINUE_HANDLER,
  stateName: "followUp",
  linkPurpose: "follow-up",
  linkCycle: (cycle) => cycle,
  route: "メール回答",
  audience,
};

/** The cycle's requests: ⑥ issues too in the months 設定 names. */
export function cycleRequests(issueValues: unknown[][], cycle: string, settings: Settings): OwnerRequest[] {
  return ownerRequests(issueValues, cycleMonth(cycle).month, settings["⑥の照会月"]);
}

function audience(cycle: string, settings: Settings): Audience<Owner> {
  const issues = requireRecords(ISSUES, []).values;
  const requests = cycleRequests(issues, cycle, settings);
  return {
    recipients: requests.map((request) => ({ to: request.owner, count: request.issues.length, request })),
    composer: ({ dates, link }) => (kind, owner) => {
      // Refused here, naming the cells, rather than by MailApp in English — the others still get theirs.
      if (owner.request.badAddress) throw new Error(badAddressMessage(owner.request));
      // Today in Tokyo when the mail is written (a reminder is written on its own day).
      return composeRequest(owner.request, { cycle, asOf: dayOf(new Date()), deadline: dates.deadline, link: link(owner.to), senderName: settings.差出人名, kind });
    },
    digest: ({ answered, changes }) => {
      // Titles from 課題 as read now: an issue answered 完了 is no longer asked but its change is listed.
      const input = { cycle, requests, answered, changes: withTitles(changes, issues), senderName: settings.差出人名 };
      return { rows: digestRows(input), mail: composeDigest(input) };
    },
    confirmation: (pending) => sendConfirmation(cycle, pending.map((owner) => owner.request), settings["⑥の照会月"]),
  };
}
