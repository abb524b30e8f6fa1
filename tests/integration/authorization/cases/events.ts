import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";
import type { Fixture } from "../fixture";

/**
 * Everyone in the partnership sees events, replies and downloads the calendar file. The
 * fixture's breakfast is organised by `officer` (its creator, and steering), so only they
 * change it, see who is coming or plan its networking; `subGroupLead` may arrange meetings
 * of sub-group A. The demoted lead created `demotedMeeting` (a meeting of A) but observes
 * now: it is organised by steering and A's participating lead only. Connections are logged
 * by those who were at the event (`member`, `subGroupLead` and the demoted lead are going
 * to the breakfast; observers never log). The fixture's connection is between `member` and
 * `subGroupLead`, both in sub-group A: only they see it or start a proposal from it.
 */
const organiser = ["officer"] as const;
const meetingOrganisers = ["officer", "subGroupLead"] as const;
const onDemotedMeeting = (allow: readonly ("officer" | "subGroupLead")[], input: (f: Fixture) => unknown) => [
  { on: "the demoted lead's meeting", input, allow },
];
const connectionPair = ["member", "subGroupLead"] as const;
const inTwoWeeks = () => new Date(Date.now() + 14 * 24 * 3600 * 1000);

export const eventsCases: AuthorizationCases = {
  "event.list": { input: (f) => ({ partnershipSlug: f.partnership.slug, when: "upcoming" }), allow: PARTNERSHIP_MEMBERS },
  "event.get": {
    input: (f) => ({ eventId: f.breakfast.id }),
    allow: PARTNERSHIP_MEMBERS,
    also: [{ on: "the demoted lead's meeting", input: (f) => ({ eventId: f.demotedMeeting.id }), allow: PARTNERSHIP_MEMBERS }],
  },
  "event.calendar": { input: (f) => ({ eventId: f.breakfast.id }), allow: PARTNERSHIP_MEMBERS },
  "event.create": {
    input: (f) => ({
      partnershipSlug: f.partnership.slug,
      kind: "SUB_GROUP_MEETING",
      subGroupId: f.subGroupA.id,
      title: "Sub-group A meeting",
      startsAt: inTwoWeeks(),
      endsAt: new Date(inTwoWeeks().getTime() + 3600 * 1000),
      venueName: "Carers centre",
    }),
    allow: ["officer", "subGroupLead"],
  },
  "event.update": {
    input: (f) => ({
      eventId: f.breakfast.id,
      title: "Networking breakfast (new venue)",
      startsAt: f.breakfast.startsAt,
      endsAt: f.breakfast.endsAt,
      venueName: "Library",
      capacity: 30,
    }),
    allow: organiser,
    also: onDemotedMeeting(meetingOrganisers, (f) => ({
      eventId: f.demotedMeeting.id,
      title: "Sub-group A catch-up (moved)",
      startsAt: f.demotedMeeting.startsAt,
      endsAt: f.demotedMeeting.endsAt,
      venueName: "Library",
      capacity: null,
    })),
  },
  "event.cancel": {
    input: (f) => ({ eventId: f.breakfast.id, reason: "The venue is closed" }),
    allow: organiser,
    also: onDemotedMeeting(meetingOrganisers, (f) => ({ eventId: f.demotedMeeting.id, reason: "The venue is closed" })),
  },
  "event.rsvp": { input: (f) => ({ eventId: f.breakfast.id }), allow: PARTNERSHIP_MEMBERS },
  "event.cancelRsvp": { input: (f) => ({ eventId: f.breakfast.id }), allow: PARTNERSHIP_MEMBERS },
  "event.attendees": {
    input: (f) => ({ eventId: f.breakfast.id }),
    allow: organiser,
    also: onDemotedMeeting(meetingOrganisers, (f) => ({ eventId: f.demotedMeeting.id })),
  },
  "event.markAttendance": {
    input: (f) => ({ eventId: f.breakfast.id, attendance: [{ userId: f.people.member.id, attended: true }] }),
    allow: organiser,
    also: onDemotedMeeting(meetingOrganisers, (f) => ({
      eventId: f.demotedMeeting.id,
      attendance: [{ userId: f.people.demotedLead.id, attended: true }],
    })),
  },
  "event.generateNetworking": {
    input: (f) => ({ eventId: f.breakfast.id, rounds: 2 }),
    allow: organiser,
    also: onDemotedMeeting(meetingOrganisers, (f) => ({ eventId: f.demotedMeeting.id, rounds: 2 })),
  },
  "event.networking": {
    input: (f) => ({ eventId: f.breakfast.id }),
    allow: organiser,
    also: onDemotedMeeting(meetingOrganisers, (f) => ({ eventId: f.demotedMeeting.id })),
  },
  "event.networkingPlanning": {
    input: (f) => ({ eventId: f.breakfast.id }),
    allow: organiser,
    also: onDemotedMeeting(meetingOrganisers, (f) => ({ eventId: f.demotedMeeting.id })),
  },
  "event.mySchedule": { input: (f) => ({ eventId: f.breakfast.id }), allow: PARTNERSHIP_MEMBERS },
  // Only people who were there (going, and attendance not yet marked, counts): `subGroupLead`
  // names themselves, which is refused as a business rule after the policy let them in.
  "event.logConnection": {
    input: (f) => ({ eventId: f.breakfast.id, userId: f.people.subGroupLead.id }),
    allow: ["member", "subGroupLead"],
  },
  "event.myConnections": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
  "event.connectionSubGroups": { input: (f) => ({ connectionId: f.connection.id }), allow: connectionPair },
  "event.startProposal": {
    input: (f) => ({ connectionId: f.connection.id, subGroupId: f.subGroupA.id, title: "Breakfast club for carers" }),
    allow: connectionPair,
  },
};
