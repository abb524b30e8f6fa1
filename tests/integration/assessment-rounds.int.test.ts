import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { PROPOSAL_SECTION_KEYS } from "@/lib/schemas/proposals";
import { AppError } from "@/server/errors";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createPartnership, createPerson } from "./support/factories";

const database = withTestDatabase();

async function officerWithFund() {
  const { db } = database;
  const partnership = await createPartnership(db);
  const { actor } = await createPerson(db, { name: "Fiona Officer" });
  await addMember(db, partnership.id, actor.userId, "OFFICER");
  const api = callerFor(db, actor);
  const fund = await api.funding.createFund({
    partnershipSlug: partnership.slug,
    name: "Test and learn fund",
    source: "HSCP",
    financialYear: "2020/21",
    totalPence: 1_000_000,
  });
  const round = {
    fundId: fund.id,
    title: "Round",
    guidance: "g",
    eligibility: "e",
    criteria: [{ name: "Impact", weight: 100 }],
    opensAt: new Date("2030-01-01"),
    closesAt: new Date("2030-02-01"),
    minAwardPence: 0,
    maxAwardPence: 100_000,
  };
  return { api, round };
}

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]> | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof AppError) return error.cause.fieldErrors;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("a round's assessment settings", () => {
  it("defaults to a scale to 5, every section required and changes allowed after submission", async () => {
    const { api, round } = await officerWithFund();
    const created = await api.funding.createRound(round);
    expect(created).toMatchObject({ scoreMax: 5, allowsChangesAfterSubmission: true });
    expect(created.requiredSections).toEqual([...PROPOSAL_SECTION_KEYS]);
  });

  it("keeps the chosen scale, sections (in the form's order) and submission rule", async () => {
    const { api, round } = await officerWithFund();
    const created = await api.funding.createRound({
      ...round,
      scoreMax: 10,
      requiredSections: ["budget", "summary", "title", "budget"],
      allowsChangesAfterSubmission: false,
    });
    expect(created).toMatchObject({ scoreMax: 10, requiredSections: ["title", "summary", "budget"], allowsChangesAfterSubmission: false });
  });

  it("refuses a round without the title or budget, an unknown section, or a scale outside 1 to 10", async () => {
    const { api, round } = await officerWithFund();
    expect(await fieldErrorsOf(api.funding.createRound({ ...round, requiredSections: ["summary", "title"] }))).toEqual({
      requiredSections: ["Every proposal needs its budget: keep it ticked."],
    });
    expect(await fieldErrorsOf(api.funding.createRound({ ...round, requiredSections: ["summary"] }))).toEqual({
      requiredSections: ["Every proposal needs its title and budget: keep them ticked."],
    });
    expect(await fieldErrorsOf(api.funding.createRound({ ...round, requiredSections: ["title", "budget", "horoscope"] }))).toEqual({
      requiredSections: ["Choose sections of the proposal form."],
    });
    const zodErrors = async (scoreMax: number) => {
      try {
        await api.funding.createRound({ ...round, scoreMax });
      } catch (error) {
        return error instanceof TRPCError ? error.code : "other";
      }
      return "accepted";
    };
    expect(await zodErrors(0)).toBe("BAD_REQUEST");
    expect(await zodErrors(11)).toBe("BAD_REQUEST");
  });
});
