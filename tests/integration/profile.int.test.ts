import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createOrganisation, createPartnership, createPerson } from "./support/factories";

const database = withTestDatabase();

type ErrorBody = { error?: { json: { message: string; data: { fieldErrors?: Record<string, string[]> } } } };

/** Sends a mutation through the same HTTP handler the app serves, so messages are exactly what a form receives. */
async function mutate(db: Database, actor: Actor | null, procedure: string, input: unknown) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    }),
    router: appRouter,
    createContext: () => ({ db, actor }),
    onError: () => {},
  });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

const validProfile = {
  name: "Amara Okafor",
  jobTitle: "Carers Support Worker",
  bio: "I run the Seacroft carers café.",
  interests: ["carers"],
  phone: "0113 555 0100",
  listedInDirectory: true,
  showEmail: true,
  showPhone: false,
};

describe("me.updateProfile", () => {
  it("saves the profile, normalising interests to trimmed, lower-case, unique tags", async () => {
    const { db } = database;
    const organisation = await createOrganisation(db, { sector: "VOLUNTARY" });
    const { actor } = await createPerson(db, { organisationId: organisation.id });
    const api = callerFor(db, actor);

    const saved = await api.me.updateProfile({
      ...validProfile,
      interests: ["  Carers ", "carers", "Mental   Health", "DEMENTIA", "mental health"],
      jobTitle: "   ",
      bio: "",
      phone: null,
      showPhone: false,
    });
    expect(saved).toMatchObject({
      name: "Amara Okafor",
      jobTitle: null,
      bio: null,
      phone: null,
      interests: ["carers", "mental health", "dementia"],
      listedInDirectory: true,
      showEmail: true,
      showPhone: false,
    });

    const profile = await api.me.profile();
    expect(profile).toMatchObject({
      name: "Amara Okafor",
      email: actor.email,
      interests: ["carers", "mental health", "dementia"],
      organisation: { id: organisation.id, sector: "VOLUNTARY" },
      emailOnJoinRequests: true,
      emailOnDecisions: true,
      emailOnMentions: true,
    });
  });

  it("explains each invalid field in plain words and changes nothing", async () => {
    const { db } = database;
    const { actor, user } = await createPerson(db, { name: "Before Change" });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "  " }, "name", "Enter your name"],
      [{ name: "x".repeat(101) }, "name", "Your name must be 100 characters or fewer"],
      [{ jobTitle: "x".repeat(121) }, "jobTitle", "Your job title must be 120 characters or fewer"],
      [{ bio: "x".repeat(1001) }, "bio", "About you must be 1000 characters or fewer"],
      [{ interests: Array.from({ length: 13 }, (_, i) => `topic ${i}`) }, "interests", "Choose up to 12 interests"],
      [{ interests: ["carers", "x".repeat(41)] }, "interests.1", "Each interest must be 40 characters or fewer"],
      [{ interests: ["   "] }, "interests.0", "An interest cannot be blank"],
      [
        { phone: "call me maybe" },
        "phone",
        "Enter a phone number using digits, spaces, brackets and dashes, like 0141 555 0100",
      ],
      [{ phone: null, showPhone: true }, "phone", "Enter a phone number to share it, or untick “Show my phone number”"],
    ];
    for (const [change, field, message] of cases) {
      const { status, body } = await mutate(db, actor, "me.updateProfile", { ...validProfile, ...change });
      expect(status, field).toBe(400);
      expect(body.error?.json.message).toBe("Please check the highlighted fields.");
      expect(body.error?.json.data.fieldErrors?.[field]).toEqual([message]);
    }
    // Twelve tags that collapse to fewer after normalising are fine; thirteen distinct ones are not.
    const twelve = Array.from({ length: 12 }, (_, i) => `Topic ${i}`);
    const ok = await mutate(db, actor, "me.updateProfile", { ...validProfile, name: "After", interests: [...twelve, "topic 0"] });
    expect(ok.status).toBe(200);

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.name).toBe("After");
    expect(stored.interests).toHaveLength(12);
  });

  it("refuses anonymous callers", async () => {
    const { status, body } = await mutate(database.db, null, "me.updateProfile", validProfile);
    expect(status).toBe(401);
    expect(body.error?.json.message).toBe("Please sign in to continue.");
  });

  it("only ever changes the signed-in person's own profile", async () => {
    const { db } = database;
    const me = await createPerson(db, { name: "Me Myself" });
    const someoneElse = await createPerson(db, { name: "Someone Else" });
    const partnership = await createPartnership(db);
    await addMember(db, partnership.id, me.actor.userId);
    await addMember(db, partnership.id, someoneElse.actor.userId);

    // An id smuggled into the input is ignored: there is no field for it.
    await callerFor(db, me.actor).me.updateProfile({
      ...validProfile,
      name: "Renamed",
      userId: someoneElse.user.id,
      id: someoneElse.user.id,
    } as typeof validProfile);
    const other = await db.user.findUniqueOrThrow({ where: { id: someoneElse.user.id } });
    const mine = await db.user.findUniqueOrThrow({ where: { id: me.user.id } });
    expect(other.name).toBe("Someone Else");
    expect(other.showEmail).toBe(false);
    expect(mine.name).toBe("Renamed");
  });

  it("takes effect in the directory at once: unlisting hides the person, sharing shows the phone", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    const me = await createPerson(db);
    const viewer = await createPerson(db);
    await addMember(db, partnership.id, me.actor.userId);
    await addMember(db, partnership.id, viewer.actor.userId);
    const directory = () => callerFor(db, viewer.actor).directory.people({ partnershipSlug: partnership.slug });

    await callerFor(db, me.actor).me.updateProfile({ ...validProfile, showPhone: true });
    const listed = (await directory()).people.find((p) => p.userId === me.user.id)!;
    expect(listed).toMatchObject({ name: "Amara Okafor", phone: "0113 555 0100", email: me.user.email });

    await callerFor(db, me.actor).me.updateProfile({ ...validProfile, listedInDirectory: false });
    expect((await directory()).people.map((p) => p.userId)).not.toContain(me.user.id);
    const error = await callerFor(db, viewer.actor)
      .directory.person({ partnershipSlug: partnership.slug, userId: me.user.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
  });
});

describe("me.updateNotificationSettings", () => {
  it("changes only the signed-in person's email choices", async () => {
    const { db } = database;
    const me = await createPerson(db);
    const other = await createPerson(db);
    const saved = await callerFor(db, me.actor).me.updateNotificationSettings({
      emailOnJoinRequests: false,
      emailOnDecisions: true,
      emailOnMentions: false,
    });
    expect(saved).toMatchObject({ emailOnJoinRequests: false, emailOnDecisions: true, emailOnMentions: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: other.user.id } })).toMatchObject({
      emailOnJoinRequests: true,
      emailOnDecisions: true,
      emailOnMentions: true,
    });
  });

  it("needs every choice to be yes or no", async () => {
    const { db } = database;
    const { actor, user } = await createPerson(db);
    const { status, body } = await mutate(db, actor, "me.updateNotificationSettings", {
      emailOnJoinRequests: "sometimes",
      emailOnDecisions: true,
    });
    expect(status).toBe(400);
    expect(Object.keys(body.error?.json.data.fieldErrors ?? {}).sort()).toEqual(["emailOnJoinRequests", "emailOnMentions"]);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ emailOnJoinRequests: true });
  });
});
