import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { can } from "@/server/auth/can";
import { checks } from "@/server/auth/checks";
import type { Grant } from "@/server/auth/grants";
import { authorize } from "@/server/auth/resolve";
import { PARTICIPANTS, procedureRules, refinementRules, rules, type Action } from "@/server/auth/rules";
import type { Database } from "@/server/db/client";
import type { MembershipRole } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";

const procedures = Object.keys(appRouter._def.procedures).sort();
const mutations = procedures.filter((path) => (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!._def.type === "mutation");
const untouchable = new Proxy({}, { get: () => { throw new Error("the database must not be read"); } }) as Database;
const someone = { userId: "u", name: null, email: "a@b.c", organisationId: null };

/** The writes an observer may make: answering what is addressed to them, and leaving. */
const OBSERVER_WRITES = ["event.rsvp", "event.cancelRsvp", "reflection.respond", "subGroup.leave"];

/** A grant in which every named check holds: the strongest part anyone can have in a resource. */
function everyPart(role: MembershipRole): Grant {
  return {
    actor: someone,
    membership: { id: "m", partnershipId: "p", role },
    subGroup: { id: "s", partnershipId: "p", myRole: "LEAD" },
    proposal: { id: "pr", partnershipId: "p", subGroupId: "s", roundId: "r", status: "SUBMITTED", myAuthorRole: "LEAD", mySubGroupRole: "LEAD", isAssessor: true },
    project: { id: "pj", partnershipId: "p", status: "ACTIVE", myTeamRole: "LEAD", update: null },
    event: { id: "e", kind: "SUB_GROUP_MEETING", subGroupId: "s", isOrganiser: true, wasThere: true },
    story: { id: "st", status: "PUBLISHED", isAuthor: true },
    survey: { id: "sv", inAudience: true, isRunner: true, hasAnswered: true },
    connection: { id: "c", isParty: true },
    answer: { id: "a", isRespondent: true, anonymous: false },
  };
}

describe("the policy module", () => {
  it("has a row for every procedure of the API", () => {
    expect(procedures.filter((path) => !Object.hasOwn(procedureRules, path))).toEqual([]);
  });

  it("has no row for a procedure that no longer exists", () => {
    expect(Object.keys(procedureRules).filter((path) => !procedures.includes(path))).toEqual([]);
  });

  it("keeps refinements apart from procedures", () => {
    expect(Object.keys(refinementRules).filter((path) => procedures.includes(path))).toEqual([]);
  });

  it("refuses a procedure without a row (deny by default), before reading anything", async () => {
    const attempt = authorize(untouchable, someone, "admin.dropEverything", {});
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("asks anonymous callers to sign in for anything but public procedures", async () => {
    for (const [path, rule] of Object.entries(rules)) {
      const attempt = authorize(untouchable, null, path, { partnershipSlug: "x" });
      if (rule.kind === "public") {
        await expect(attempt).resolves.toEqual({ actor: null, membership: null, subGroup: null });
      } else {
        await expect(attempt).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      }
    }
  });

  it("never looks up an id with control characters or odd punctuation in it", async () => {
    for (const value of ["a\u0000b", "../x", "x y", "", "x".repeat(65), 42]) {
      await expect(authorize(untouchable, someone, "subGroup.get", { subGroupId: value })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("lets an observer make no write but the few addressed to them, whatever their part beneath", () => {
    const observer = everyPart("OBSERVER");
    const allowed = mutations.filter((path) => rules[path as Action].kind === "scoped" && can(path as Action, observer));
    expect(allowed.sort()).toEqual([...OBSERVER_WRITES].sort());
  });

  it("gives a member with every part beneath the partnership what the part allows", () => {
    const member = everyPart("MEMBER");
    expect(can("discussion.addNote", member)).toBe(true);
    expect(can("proposal.saveSection", member)).toBe(true);
    expect(can("assessment.saveScores", member)).toBe(true);
    expect(can("project.submitEvaluation", member)).toBe(true);
    expect(can("funding.awardGrant", member)).toBe(false);
  });

  it("refuses an officer the decision on a proposal they wrote", () => {
    const officer = everyPart("OFFICER");
    expect(can("assessment.decide", officer)).toBe(false);
    expect(can("assessment.decide", { ...officer, proposal: { ...officer.proposal!, myAuthorRole: null } })).toBe(true);
  });

  it("names only checks that exist, and bounds every acting rule by the participants", () => {
    for (const [path, rule] of Object.entries(rules)) {
      if (rule.kind !== "scoped") continue;
      for (const name of [...rule.checks, ...(rule.unless ? [rule.unless.check] : [])]) expect(Object.keys(checks), path).toContain(name);
      if (mutations.includes(path) && !OBSERVER_WRITES.includes(path)) {
        expect(rule.bound, path).toEqual(PARTICIPANTS);
        expect(rule.roles.every((role) => PARTICIPANTS.includes(role)), path).toBe(true);
      }
    }
  });

  it("refuses to decide from a grant that lacks the part a check reads", () => {
    const bare: Grant = { actor: someone, membership: { id: "m", partnershipId: "p", role: "MEMBER" }, subGroup: null };
    expect(() => can("story.update", bare)).toThrow(/story/);
  });
});
