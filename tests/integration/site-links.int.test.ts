import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { withTestDatabase } from "./support/database";
import { partnershipWorld } from "./support/worlds";

const database = withTestDatabase();
const HOUR = 3_600_000;

/**
 * Links Tandem writes into files and emails use the address the person opened the site at
 * (in demo and development), not a fixed `localhost`.
 */
describe("links in calendar files", () => {
  it("point at the address the request came to", async () => {
    const { db } = database;
    const w = await partnershipWorld(db, { cast: { officer: { name: "Fiona Officer", role: "OFFICER" } } });
    const startsAt = new Date(Date.now() + 48 * HOUR);
    const event = await db.event.create({
      data: {
        partnershipId: w.partnership.id,
        kind: "NETWORKING_BREAKFAST",
        title: "Breakfast",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        venueName: "Town hall",
        capacity: 20,
        createdById: w.people.officer.userId,
      },
    });

    const api = createCaller({ db, actor: w.people.officer, siteOrigin: "http://192.168.1.20:3000" });
    const calendar = await api.event.calendar({ eventId: event.id });

    const unfolded = calendar.content.replace(/\r\n /g, "");
    expect(unfolded).toContain(`URL:http://192.168.1.20:3000/p/${w.partnership.slug}/events/${event.id}`);
    expect(unfolded).not.toContain("localhost");
  });
});
