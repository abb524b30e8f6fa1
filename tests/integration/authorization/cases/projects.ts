import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";
import type { Fixture } from "../fixture";

/**
 * Officers set projects up, see them all and review updates; the project's team (`member`
 * leads the fixture's project) writes and submits updates; everyone sees their own. The
 * demoted lead is on `project`'s team and leads `demotedProject` (so its rows say), and the
 * removed member is on `project`'s team: the demoted lead reads both projects and does
 * nothing in either; the removed member sees neither.
 */
const officers = ["officer"] as const;
const team = ["member"] as const;
const readers = ["officer", "member", "demotedLead"] as const;
const onDemotedProject = (allow: readonly "officer"[] | readonly [], input: (f: Fixture) => unknown) => [
  { on: "the demoted lead's project", input, allow },
];
const updateInput = (projectId: string, periodId: string) => ({
  projectId,
  periodId,
  rag: "GREEN",
  percentComplete: 15,
  narrative: "First breaks booked",
  spend: [{ budgetLineId: "line-1", spentPence: 5_000 }],
  measureValues: [],
  milestoneChanges: [],
  risks: "",
  learning: "",
});
const evaluationInput = (projectId: string) => ({
  projectId,
  measureResults: [],
  costPence: 90_000,
  whatWorked: "Carers booked breaks they chose themselves",
  whatDidNot: "Weekend cover was hard to find",
  recommendation: "SCALE_UP",
});

export const projectsCases: AuthorizationCases = {
  "project.setUp": {
    input: (f) => ({
      awardId: f.awardToSetUp.id,
      startsOn: "2021-04-01",
      endsOn: "2021-09-30",
      reportingFrequency: "MONTHLY",
      leadUserId: f.people.member.id,
    }),
    allow: officers,
  },
  "project.list": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: officers },
  "project.mine": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
  "project.get": {
    input: (f) => ({ projectId: f.project.id }),
    allow: readers,
    also: [{ on: "the demoted lead's project", input: (f) => ({ projectId: f.demotedProject.id }), allow: ["officer", "demotedLead"] }],
  },
  "project.saveUpdate": {
    input: (f) => updateInput(f.project.id, f.project.periods[0]!.id),
    allow: team,
    // Its only participating team member is `spare`, who is no persona.
    also: onDemotedProject([], (f) => updateInput(f.demotedProject.id, f.demotedProject.periods[0]!.id)),
  },
  "project.submitUpdate": { input: (f) => ({ updateId: f.draftUpdate.id }), allow: team },
  "project.submitEvaluation": {
    input: (f) => evaluationInput(f.project.id),
    allow: team,
    // Its lead observes now: nobody may evaluate it until an officer hands the lead on.
    also: onDemotedProject([], (f) => evaluationInput(f.demotedProject.id)),
  },
  "project.decide": {
    input: (f) => ({ projectId: f.project.id, outcome: "SUSTAIN", reasons: "Worked well for the carers who used it", nextStep: "" }),
    allow: officers,
  },
  "project.timeline": {
    input: (f) => ({ projectId: f.project.id }),
    allow: readers,
    also: [{ on: "the demoted lead's project", input: (f) => ({ projectId: f.demotedProject.id }), allow: ["officer", "demotedLead"] }],
  },
  "project.reviewUpdate": { input: (f) => ({ updateId: f.submittedUpdate.id, outcome: "ACCEPT", note: "" }), allow: officers },
  "project.teamCandidates": {
    input: (f) => ({ projectId: f.project.id }),
    allow: [...officers, ...team],
    also: onDemotedProject(officers, (f) => ({ projectId: f.demotedProject.id })),
  },
  "project.addTeamMember": {
    input: (f) => ({ projectId: f.project.id, userId: f.people.spare.id }),
    allow: [...officers, ...team],
    also: onDemotedProject(officers, (f) => ({ projectId: f.demotedProject.id, userId: f.people.member.id })),
  },
  // The lead stays in the team: refused as a business rule, after the policy.
  "project.removeTeamMember": {
    input: (f) => ({ projectId: f.project.id, userId: f.people.member.id }),
    allow: [...officers, ...team],
    also: onDemotedProject(officers, (f) => ({ projectId: f.demotedProject.id, userId: f.people.spare.id })),
  },
  // Officers hand a project's lead on (here to `spare`, who joins the team), the demoted lead's project included.
  "project.changeLead": {
    input: (f) => ({ projectId: f.project.id, userId: f.people.spare.id }),
    allow: officers,
    also: onDemotedProject(officers, (f) => ({ projectId: f.demotedProject.id, userId: f.people.spare.id })),
  },
};
