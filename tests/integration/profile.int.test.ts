import { describe, expect, it } from "vitest";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { createOrganisation, createPerson } from "./support/factories";
import { mutate } from "./support/http";
import { partnershipWorld } from "./support/worlds";

const database = withTestDatabase();

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
    const { people, api } = await partnershipWorld(db, { cast: { me: { name: "Me Myself" }, someoneElse: { name: "Someone Else" } } });

    // An id smuggled into the input is ignored: there is no field for it.
    await api("me").me.updateProfile({
      ...validProfile,
      name: "Renamed",
      userId: people.someoneElse.userId,
      id: people.someoneElse.userId,
    } as typeof validProfile);
    const other = await db.user.findUniqueOrThrow({ where: { id: people.someoneElse.userId } });
    const mine = await db.user.findUniqueOrThrow({ where: { id: people.me.userId } });
    expect(other.name).toBe("Someone Else");
    expect(other.showEmail).toBe(false);
    expect(mine.name).toBe("Renamed");
  });

  it("takes effect in the directory at once: unlisting hides the person, sharing shows the phone", async () => {
    const { db } = database;
    const { slug, people, api } = await partnershipWorld(db, { cast: { me: { name: "Me" }, viewer: { name: "Viewer" } } });
    const directory = () => api("viewer").directory.people({ partnershipSlug: slug });

    await api("me").me.updateProfile({ ...validProfile, showPhone: true });
    const listed = (await directory()).people.find((p) => p.userId === people.me.userId)!;
    expect(listed).toMatchObject({ name: "Amara Okafor", phone: "0113 555 0100", email: people.me.email });

    await api("me").me.updateProfile({ ...validProfile, listedInDirectory: false });
    expect((await directory()).people.map((p) => p.userId)).not.toContain(people.me.userId);
    await expectFailure(api("viewer").directory.person({ partnershipSlug: slug, userId: people.me.userId }), "NOT_FOUND");
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
