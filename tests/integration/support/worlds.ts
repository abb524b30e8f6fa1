import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { z } from "zod";
import type { awardGrantInput } from "@/lib/schemas/funding";
import type { saveUpdateInput, setUpProjectInput } from "@/lib/schemas/projects";
import type { SaveSectionInput, SectionContent } from "@/lib/schemas/proposals";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Organisation, Partnership, PriorityArea, SubGroup } from "@/server/db/generated/client";
import type { JoinPolicy, MembershipRole, OrganisationType, RoundStatus, Sector } from "@/server/db/generated/enums";
import { callerFor } from "./caller";
import { createPartnership, createPeople, createPriorityArea, createSubGroup, unique } from "./factories";

/*
 * Test worlds: the situations the integration tests start from, built by named factories
 * that every file reuses. They write through the API (callerFor) wherever the app has a way
 * to write the rows, so the rows are what the app would write; straight into the database
 * only for what the app cannot write on demand (history: a proposal approved weeks ago, a
 * round already decided). Every factory returns typed handles: rows, ids and actors.
 */

const DAY = 24 * 3600 * 1000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);
/** A date as the forms send it (YYYY-MM-DD), `offsetDays` from today. */
export const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------
// A partnership and its people

/** The organisations every world has, one per sector. */
export type OrganisationKey = "voluntary" | "public" | "private" | "community";

const ORGANISATIONS: Record<OrganisationKey, { name: string; sector: Sector; type: OrganisationType; linked: boolean }> = {
  voluntary: { name: "Carers Centre", sector: "VOLUNTARY", type: "CHARITY", linked: true },
  public: { name: "City Council", sector: "PUBLIC", type: "COUNCIL", linked: true },
  private: { name: "Corner Pharmacy", sector: "PRIVATE", type: "BUSINESS", linked: false },
  community: { name: "Tenants Group", sector: "COMMUNITY", type: "COMMUNITY_GROUP", linked: false },
};

export type PersonSpec = {
  name: string;
  /** Their organisation in this world; none (the default) makes them an individual. */
  organisation?: OrganisationKey | null;
  /** Their role in the partnership (MEMBER by default); null for someone in no partnership. */
  role?: MembershipRole | null;
  /** Puts them in the world's other partnership instead, with this role: the outsider. */
  elsewhere?: MembershipRole;
};
export type Cast = Record<string, PersonSpec>;

/** The usual people: an officer, a chair, members from two sectors, an observer and an outsider. */
export const STANDARD_CAST = {
  officer: { name: "Olu Officer", organisation: "public", role: "OFFICER" },
  chair: { name: "Chris Chair", organisation: "public", role: "CHAIR" },
  member: { name: "Mo Member", organisation: "voluntary" },
  colleague: { name: "Colin Council", organisation: "public" },
  observer: { name: "Obi Observer", role: "OBSERVER" },
  outsider: { name: "Oscar Outsider", role: null, elsewhere: "OFFICER" },
} satisfies Cast;

export type PartnershipWorldOptions<C extends Cast> = {
  cast?: C;
  /** Adds a unique tag to every name, for tests that pick people out by name. */
  tagNames?: boolean;
  partnership?: { name?: string; localities?: string[] };
  /** Names and types of the four organisations, and whether each takes part in the partnership
   * (the voluntary and public ones do by default; the private and community ones do not). */
  organisations?: Partial<Record<OrganisationKey, { name?: string; type?: OrganisationType; linked?: boolean }>>;
};

export type PartnershipWorld<C extends Cast = Cast> = {
  db: Database;
  partnership: Partnership;
  slug: string;
  /** Another partnership, which must never see into this one. */
  elsewhere: Partnership;
  organisations: Record<OrganisationKey, Organisation>;
  people: { [K in keyof C]: Actor };
  /** Each person's membership of the partnership (absent for people outside it). */
  memberships: { [K in keyof C]?: string };
  /** The real appRouter as one of the people, anyone else, or anonymously. */
  api(who: (keyof C & string) | Actor | null): ReturnType<typeof callerFor>;
  /** Someone more, after the world is built. */
  person(spec: PersonSpec): Promise<Actor>;
  /** Many more partnership members at once (Guest 01, Guest 02, ...), all from one new organisation. */
  crowd(count: number, options?: { sector?: Sector; role?: MembershipRole }): Promise<Actor[]>;
};

/**
 * A partnership with organisations of every sector and the people cast, each a member in
 * the role given (someone with `elsewhere` belongs to another partnership instead).
 */
export async function partnershipWorld<C extends Cast = typeof STANDARD_CAST>(
  db: Database,
  options: PartnershipWorldOptions<C> = {},
): Promise<PartnershipWorld<C>> {
  const cast = (options.cast ?? STANDARD_CAST) as C;
  const [partnership, elsewhere] = await Promise.all([createPartnership(db, options.partnership), createPartnership(db)]);
  const keys = Object.keys(ORGANISATIONS) as OrganisationKey[];
  const specs = keys.map((key) => ({ key, ...ORGANISATIONS[key], ...options.organisations?.[key] }));
  const names = specs.map((spec) => `${spec.name} ${unique()}`);
  const rows = await db.organisation.createManyAndReturn({
    data: specs.map((spec, index) => ({ name: names[index]!, sector: spec.sector, type: spec.type })),
  });
  const byName = new Map(rows.map((row) => [row.name, row]));
  const organisations = Object.fromEntries(specs.map((spec, index) => [spec.key, byName.get(names[index]!)!])) as Record<
    OrganisationKey,
    Organisation
  >;
  const linked = specs.filter((spec) => spec.linked);
  if (linked.length) {
    await db.partnershipOrganisation.createMany({
      data: linked.map((spec) => ({ partnershipId: partnership.id, organisationId: organisations[spec.key].id })),
    });
  }

  const join = async (entries: [string, PersonSpec][]) => {
    const created = await createPeople(
      db,
      entries.map(([, spec]) => ({
        name: options.tagNames ? `${spec.name} ${unique("n")}` : spec.name,
        organisationId: spec.organisation ? organisations[spec.organisation].id : null,
      })),
    );
    const places = entries.flatMap(([key, spec], index) => {
      const userId = created[index]!.actor.userId;
      if (spec.elsewhere) return [{ key, partnershipId: elsewhere.id, userId, role: spec.elsewhere }];
      if (spec.role === null) return [];
      return [{ key, partnershipId: partnership.id, userId, role: spec.role ?? ("MEMBER" as const) }];
    });
    const made = places.length
      ? await db.membership.createManyAndReturn({ data: places.map(({ key: _key, ...place }) => place) })
      : [];
    const membershipOf = new Map(made.map((row) => [`${row.partnershipId}:${row.userId}`, row.id]));
    return entries.map(([key], index) => {
      const actor = created[index]!.actor;
      return { key, actor, membershipId: membershipOf.get(`${partnership.id}:${actor.userId}`) };
    });
  };

  const joined = await join(Object.entries(cast));
  const people = Object.fromEntries(joined.map(({ key, actor }) => [key, actor])) as { [K in keyof C]: Actor };
  const memberships = Object.fromEntries(
    joined.filter(({ membershipId }) => membershipId).map(({ key, membershipId }) => [key, membershipId]),
  ) as { [K in keyof C]?: string };

  return {
    db,
    partnership,
    slug: partnership.slug,
    elsewhere,
    organisations,
    people,
    memberships,
    api: (who) => callerFor(db, typeof who === "string" ? people[who] : who),
    person: async (spec) => (await join([["extra", spec]]))[0]!.actor,
    crowd: async (count, crowdOptions = {}) => {
      const sector = crowdOptions.sector ?? "VOLUNTARY";
      const organisation = await db.organisation.create({
        data: { name: `Organisation ${unique()}`, sector, type: sector === "PUBLIC" ? "COUNCIL" : "CHARITY" },
      });
      const guests = await createPeople(
        db,
        Array.from({ length: count }, (_, index) => ({ name: `Guest ${String(index + 1).padStart(2, "0")}`, organisationId: organisation.id })),
      );
      await db.membership.createMany({
        data: guests.map(({ actor }) => ({ partnershipId: partnership.id, userId: actor.userId, role: crowdOptions.role ?? "MEMBER" })),
      });
      return guests.map(({ actor }) => actor);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Priority areas and sub-groups

export type SubGroupSpec = {
  name?: string;
  purpose?: string;
  joinPolicy?: JoinPolicy;
  archived?: boolean;
  leads?: Actor[];
  members?: Actor[];
};

/** A sub-group of the priority area, with its leads and members. */
export async function subGroupIn(db: Database, area: PriorityArea, spec: SubGroupSpec = {}): Promise<SubGroup> {
  const subGroup = await createSubGroup(db, area, spec);
  const places = [
    ...(spec.leads ?? []).map((actor) => ({ subGroupId: subGroup.id, userId: actor.userId, role: "LEAD" as const })),
    ...(spec.members ?? []).map((actor) => ({ subGroupId: subGroup.id, userId: actor.userId, role: "MEMBER" as const })),
  ];
  if (places.length) await db.subGroupMembership.createMany({ data: places });
  return subGroup;
}

export type SubGroupWorld<C extends Cast = Cast> = PartnershipWorld<C> & { area: PriorityArea; subGroup: SubGroup };

/** A partnership world with one priority area and one sub-group in it, led and joined by people of the cast. */
export async function subGroupWorld<C extends Cast = typeof STANDARD_CAST>(
  db: Database,
  options: PartnershipWorldOptions<C> & {
    area?: Parameters<typeof createPriorityArea>[2];
    subGroup?: Omit<SubGroupSpec, "leads" | "members">;
    leads?: (keyof C & string)[];
    members?: (keyof C & string)[];
  } = {},
): Promise<SubGroupWorld<C>> {
  const world = await partnershipWorld(db, options);
  const area = await createPriorityArea(db, world.partnership.id, options.area);
  const subGroup = await subGroupIn(db, area, {
    ...options.subGroup,
    leads: (options.leads ?? []).map((key) => world.people[key]),
    members: (options.members ?? []).map((key) => world.people[key]),
  });
  return { ...world, area, subGroup };
}

// ---------------------------------------------------------------------------------------
// Funds and rounds

export type RoundSpec = {
  title?: string;
  guidance?: string;
  eligibility?: string;
  criteria?: { name: string; weight: number }[];
  opensAt?: Date;
  closesAt?: Date;
  minAwardPence?: number;
  maxAwardPence?: number;
  status?: RoundStatus;
  priorityAreaIds?: string[];
  allowsChangesAfterSubmission?: boolean;
};

/**
 * A funding round of the fund: open since yesterday for a month, unless told otherwise.
 * Written directly, as the existing tests did: their rounds are often already closed or
 * decided, which the API (a new round starts as a draft) cannot create in one step.
 */
export async function fundingRound(db: Database, fundId: string, spec: RoundSpec = {}) {
  return db.fundingRound.create({
    data: {
      fundId,
      title: spec.title ?? "Round 1",
      guidance: spec.guidance ?? "Guidance",
      eligibility: spec.eligibility ?? "Cross-sector partnerships",
      criteria: spec.criteria ?? [{ name: "Partnership", weight: 100 }],
      opensAt: spec.opensAt ?? daysAgo(1),
      closesAt: spec.closesAt ?? daysFromNow(30),
      minAwardPence: spec.minAwardPence ?? 1_000,
      maxAwardPence: spec.maxAwardPence ?? 1_000_000,
      status: spec.status ?? "OPEN",
      priorityAreaIds: spec.priorityAreaIds ?? [],
      allowsChangesAfterSubmission: spec.allowsChangesAfterSubmission,
    },
  });
}

export type FundSpec = { name?: string; source?: string; financialYear?: string; totalPence?: number };

/** A fund the officer creates through the API, and (unless `round: null`) a round of it. */
export async function fundWorld<R extends RoundSpec | null = RoundSpec>(
  w: PartnershipWorld,
  options: { by: Actor; fund?: FundSpec; round?: R },
) {
  const fund = await w.api(options.by).funding.createFund({
    partnershipSlug: w.slug,
    name: options.fund?.name ?? "Test and learn fund",
    source: options.fund?.source ?? "HSCP",
    financialYear: options.fund?.financialYear ?? "2021/22",
    totalPence: options.fund?.totalPence ?? 2_000_000,
  });
  const round = (options.round === null ? null : await fundingRound(w.db, fund.id, options.round ?? {})) as R extends null
    ? null
    : Awaited<ReturnType<typeof fundingRound>>;
  return { fund, round };
}

// ---------------------------------------------------------------------------------------
// Proposals

/** A draft proposal the lead starts in the sub-group through the API, with the co-authors added. */
export async function draftProposal(
  w: SubGroupWorld,
  options: { lead: Actor; coAuthors?: Actor[]; title?: string; roundId?: string; subGroupId?: string },
) {
  const lead = w.api(options.lead);
  const { id } = await lead.proposal.create({
    subGroupId: options.subGroupId ?? w.subGroup.id,
    title: options.title ?? "Carers' short breaks test",
    roundId: options.roundId,
  });
  for (const coAuthor of options.coAuthors ?? []) await lead.proposal.addCoAuthor({ proposalId: id, userId: coAuthor.userId });
  return id;
}

/** Every section written, as a complete proposal led by the world's voluntary organisation with the public one. */
export function completeProposalContent(w: PartnershipWorld): SectionContent {
  const { voluntary, public: council } = w.organisations;
  return {
    title: { text: "Carers' short breaks test" },
    summary: { text: "Short breaks for unpaid carers in West Leeds." },
    need: { text: "Carers told us they have no time off." },
    hypothesis: { text: "If carers get a monthly break, fewer reach crisis." },
    measures: { items: [{ id: "m1", name: "Carers supported", unit: "carers", kind: "NUMBER", baseline: 0, target: 40 }] },
    activities: { items: [{ id: "a1", activity: "Recruit sitters", by: "2021-06-30" }] },
    partners: { leadOrganisationId: voluntary.id, organisationIds: [council.id] },
    budget: {
      lines: [
        { id: "b1", item: "Sitter hours", amountPence: 600_000, organisationId: voluntary.id },
        { id: "b2", item: "Venue", amountPence: 200_000, organisationId: council.id },
      ],
    },
    duration: { months: 12 },
    sustainability: { text: "The council will fund it if it works." },
    risks: { text: "Sitters may be hard to recruit." },
  };
}

/** Saves the sections given through the API as `author`, each from its current version. */
export async function writeSections(w: PartnershipWorld, author: Actor, proposalId: string, content: Partial<SectionContent>) {
  const api = w.api(author);
  const view = await api.proposal.get({ proposalId });
  for (const [section, value] of Object.entries(content)) {
    const key = section as keyof SectionContent;
    const result = await api.proposal.saveSection({
      proposalId,
      section: key,
      content: value,
      baseVersion: view.sections[key].version,
    } as SaveSectionInput);
    expect(result.status).toBe("saved");
  }
}

/** A draft proposal written in full (completeProposalContent unless told) and submitted by its lead. */
export async function submittedProposal(
  w: SubGroupWorld,
  options: Parameters<typeof draftProposal>[1] & { content?: Partial<SectionContent> },
) {
  const proposalId = await draftProposal(w, options);
  await writeSections(w, options.lead, proposalId, options.content ?? completeProposalContent(w));
  await w.api(options.lead).proposal.submit({ proposalId });
  return proposalId;
}

type ProposalBasics = {
  lead: Actor;
  coAuthors?: Actor[];
  title?: string;
  requestedPence: number;
  sections?: Partial<SectionContent>;
  subGroupId?: string;
};
type SubmittedRecord = ProposalBasics & { round: { id: string }; submittedAt?: Date };
export type ProposalRecord =
  | (ProposalBasics & { status: "DRAFT" })
  | (SubmittedRecord & { status: "SUBMITTED" | "UNDER_ASSESSMENT" | "APPROVED" });

/**
 * A proposal as it stands after its history: the app has no way to back-date a submission or
 * a decision, so the one row (with its authors and sections) is written directly. Submitted
 * 40 days ago unless told otherwise; award an approved one with `grantAward`.
 */
export async function recordedProposal(w: SubGroupWorld, options: ProposalRecord) {
  return w.db.proposal.create({
    data: {
      partnershipId: w.partnership.id,
      subGroupId: options.subGroupId ?? w.subGroup.id,
      roundId: options.status === "DRAFT" ? null : options.round.id,
      submittedAt: options.status === "DRAFT" ? null : (options.submittedAt ?? daysAgo(40)),
      title: options.title ?? "Pharmacy check-ins",
      requestedPence: options.requestedPence,
      status: options.status,
      createdById: options.lead.userId,
      authors: {
        create: [
          { userId: options.lead.userId, role: "LEAD" as const },
          ...(options.coAuthors ?? []).map((author) => ({ userId: author.userId, role: "CO_AUTHOR" as const })),
        ],
      },
      sections: { create: Object.entries(options.sections ?? {}).map(([key, content]) => ({ key, version: 1, content })) },
    },
  });
}

/** A proposal approved in the past (see `recordedProposal`). */
export async function approvedProposal(w: SubGroupWorld, options: SubmittedRecord) {
  return recordedProposal(w, { ...options, status: "APPROVED" });
}

// ---------------------------------------------------------------------------------------
// Awards and funded projects

type AwardGrant = z.input<typeof awardGrantInput>;

/** A grant the officer awards through the API (for the proposal, when given); returns the award with its tranches. */
export async function grantAward(
  w: PartnershipWorld,
  options: { by: Actor; fund: { id: string }; proposal?: { id: string } } & Partial<Omit<AwardGrant, "fundId" | "idempotencyKey">> &
    Pick<AwardGrant, "amountPence">,
) {
  const { by, fund, proposal, ...grant } = options;
  const award = await w.api(by).funding.awardGrant({
    projectName: "Pharmacy check-ins",
    recipientName: "Carers Centre",
    tranches: [{ amountPence: grant.amountPence, dueOn: new Date() }],
    ...grant,
    fundId: fund.id,
    idempotencyKey: randomUUID(),
  });
  // The assessment's decision links its award to the proposal; an officer's award cannot.
  if (proposal) await w.db.award.update({ where: { id: award.id }, data: { proposalId: proposal.id } });
  return award;
}

/** The award set up as a funded project through the API; returns its id, name and reporting periods in order. */
export async function fundedProject(
  w: PartnershipWorld,
  options: { by: Actor; award: { id: string } } & Omit<z.input<typeof setUpProjectInput>, "awardId">,
) {
  const { by, award, ...setUp } = options;
  const { id } = await w.api(by).project.setUp({ awardId: award.id, ...setUp });
  const [project, periods] = await Promise.all([
    w.db.fundedProject.findUniqueOrThrow({ where: { id } }),
    w.db.reportingPeriod.findMany({ where: { projectId: id }, orderBy: { sequence: "asc" } }),
  ]);
  return { id, name: project.name, periods };
}

/**
 * A funded project as rows only: its award (no money, no payments) and the project with its
 * team, but no reporting periods, budget or milestones. For tests that only need a project
 * to exist (a story links to it, a reflection goes to its team); `fundedProject` sets one up
 * as the app does, and costs some twenty statements more.
 */
export async function recordedProject(
  w: PartnershipWorld,
  options: {
    by: Actor;
    fund: { id: string };
    name: string;
    recipient?: { id: string; name: string };
    published?: boolean;
    lead?: Actor;
    team?: Actor[];
  },
) {
  const award = await w.db.award.create({
    data: {
      fundId: options.fund.id,
      projectName: options.name,
      recipientName: options.recipient?.name ?? "Carers Centre",
      recipientOrganisationId: options.recipient?.id ?? null,
      createdById: options.by.userId,
      publishedAt: options.published ? new Date() : null,
    },
  });
  const team = [
    ...(options.lead ? [{ userId: options.lead.userId, role: "LEAD" as const }] : []),
    ...(options.team ?? []).map((actor) => ({ userId: actor.userId, role: "MEMBER" as const })),
  ];
  return w.db.fundedProject.create({
    data: {
      partnershipId: w.partnership.id,
      awardId: award.id,
      name: options.name,
      startsOn: new Date("2021-04-01"),
      endsOn: new Date("2021-09-30"),
      reportingFrequency: "MONTHLY",
      createdById: options.by.userId,
      team: { create: team },
    },
  });
}

type UpdateInput = z.input<typeof saveUpdateInput>;

/** A progress update for the period: green, nothing spent or measured, unless told otherwise. */
export function updateInput(projectId: string, periodId: string, overrides: Partial<UpdateInput> = {}): UpdateInput {
  return {
    projectId,
    periodId,
    rag: "GREEN",
    percentComplete: 20,
    narrative: "Going to plan.",
    spend: [],
    measureValues: [],
    milestoneChanges: [],
    risks: "",
    learning: "",
    ...overrides,
  };
}

/** The update saved and submitted through the API by someone in the team; returns its id. */
export async function submitUpdate(w: PartnershipWorld, author: Actor, input: UpdateInput) {
  const api = w.api(author);
  const draft = await api.project.saveUpdate(input);
  await api.project.submitUpdate({ updateId: draft.id });
  return draft.id;
}
