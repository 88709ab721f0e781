// The monthly follow-up as a mailing: each month the owners of open tracked
// issues are asked, one request per owner listing their issues, through the
// mailing engine; after the deadline (and the 督促 to the 局区代表, when 設定
// turns it on) the secretariat gets who answered and every change received.
import { BUREAUS } from "../../core/contracts/bureaus";
import { InputError } from "../../core/contracts/contract";
import { DELEGATES } from "../../core/contracts/delegates";
import { dayOf } from "../../core/contracts/pt-values";
import { EMPTY_DIRECTORY, readDirectory, type Directory } from "../../core/delegation";
import { cycleMonth } from "../../core/follow-up/cycle";
import { badRepresentativeMessage, escalationAt, planEscalation, sectionCount } from "../../core/follow-up/escalation";
import { composeEscalation } from "../../core/follow-up/escalation-mail";
import { composeDigest, digestRows, withTitles } from "../../core/follow-up/digest";
import { composeRequest } from "../../core/follow-up/mail";
import { badAddressMessage, ownerRequests, type OwnerRequest } from "../../core/follow-up/recipients";
import { ISSUES } from "../../core/contracts/issues";
import { sendConfirmation } from "../../core/follow-up/status-view";
import type { Settings } from "../../core/settings";
import { readRecords, requireRecords } from "../../gas/table";
import type { Audience, EscalationStep, Mailing, Recipient } from "../mailing/engine";

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
    digest: ({ answered, changes, escalations }) => {
      // Titles from 課題 as read now: an issue answered 完了 is no longer asked but its change is listed.
      const escalation = settings.督促 ? { plan: escalationPlan(requests, answered), log: escalations } : null;
      const input = { cycle, requests, answered, changes: withTitles(changes, issues), senderName: settings.差出人名, escalation };
      return { rows: digestRows(input), mail: composeDigest(input) };
    },
    confirmation: (pending) => sendConfirmation(cycle, pending.map((owner) => owner.request), settings["⑥の照会月"]),
    escalation: settings.督促 ? escalation(cycle, requests, settings) : null,
  };
}

/** 督促: one mail to each 局区代表 whose sections have not answered. */
function escalation(cycle: string, requests: OwnerRequest[], settings: Settings): EscalationStep {
  return {
    at: (dates) => escalationAt(dates, settings),
    mails: ({ answered, dates }) => escalationPlan(requests, answered).mails.map((mail) => ({
      to: mail.to,
      count: sectionCount(mail),
      compose: () => {
        // Refused here, naming the cell, rather than by MailApp in English — the other bureaus still get theirs.
        if (mail.badAddress) throw new Error(badRepresentativeMessage(mail));
        return composeEscalation(mail, { cycle, deadline: dates.deadline, senderName: settings.差出人名 });
      },
    })),
  };
}

function escalationPlan(requests: OwnerRequest[], answered: ReadonlySet<string>) {
  const bureaus = readRecords(BUREAUS, [])?.values ?? [];
  return planEscalation(requests, answered, bureaus, loadDirectory(), dayOf(new Date()));
}

/** 担当者 as it stands; a sheet whose headers cannot be read names nobody rather than stopping the 督促 (データ点検 says why). */
function loadDirectory(): Directory {
  const values = readRecords(DELEGATES, [])?.values;
  if (!values) return EMPTY_DIRECTORY;
  try {
    return readDirectory(values);
  } catch (error) {
    if (error instanceof InputError) return EMPTY_DIRECTORY;
    throw error;
  }
}
