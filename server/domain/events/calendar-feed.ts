import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { absoluteUrl, paths } from "@/lib/paths";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { countRequest, RateLimitedError } from "@/server/domain/rate-limits/rate-limit";
import type { RateLimitRule } from "@/server/env";
import { calendarEntryForEvent, EVENT_FOR_CALENDAR_SELECT } from "./calendar-entry";
import { buildCalendar, type CalendarEntry } from "./ics";

/**
 * A person's private calendar feed: a secret link that calendar apps (Outlook, Google
 * Calendar) subscribe to without signing in. It lists the events the person is going to,
 * across all their partnerships, and the ones they were going to that were cancelled
 * (STATUS:CANCELLED, so subscribers drop them). Only the token's SHA-256 hash is stored;
 * what the feed shows is decided from the database on every fetch.
 */

/** How far back the feed reaches: recent events stay in the calendar for a month. */
export const FEED_DAYS_BACK = 30;
/** How often calendar apps are asked to fetch the feed again. */
export const FEED_REFRESH_MINUTES = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A new feed token: shown in the link, never stored. */
export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The link a calendar app subscribes to. */
export function calendarFeedUrl(origin: string, token: string): string {
  return absoluteUrl(origin, paths.calendarFeed(token));
}

/** Whether the signed-in person has a feed link turned on (the link itself cannot be shown again). */
export async function calendarFeedStatus(db: Database, actor: Actor): Promise<{ enabled: boolean; createdAt: Date | null }> {
  const feed = await db.calendarFeed.findUnique({ where: { userId: actor.userId }, select: { createdAt: true } });
  return { enabled: feed !== null, createdAt: feed?.createdAt ?? null };
}

/** Turns the link on, or replaces it: the old link stops working at once. Returns the new link. */
export async function replaceCalendarFeed(db: Database, actor: Actor, origin: string): Promise<{ url: string; createdAt: Date }> {
  const token = newFeedToken();
  const tokenHash = hashFeedToken(token);
  const feed = await db.calendarFeed.upsert({
    where: { userId: actor.userId },
    create: { userId: actor.userId, tokenHash },
    update: { tokenHash, createdAt: new Date() },
    select: { createdAt: true },
  });
  return { url: calendarFeedUrl(origin, token), createdAt: feed.createdAt };
}

/** Turns the link off: it answers "not found" from now on. */
export async function revokeCalendarFeed(db: Database, actor: Actor): Promise<{ enabled: false }> {
  await db.calendarFeed.deleteMany({ where: { userId: actor.userId } });
  return { enabled: false };
}

/** A token as it may arrive in a link: base64url, 43 characters for 32 bytes. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43,128}$/;

/** Whether a link's token could be one of ours at all (anything else is "not found" at once). */
export function looksLikeFeedToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/**
 * The feed for a token, or null when the token is unknown, malformed or turned off
 * (the route answers 404). The lookup is by hash, and the stored hash is compared in
 * constant time, so the answer's timing says nothing about the token. With a `limit`, a
 * feed fetched more often than it allows is refused (RateLimitedError) before it is made;
 * only real feeds are counted, so guessed links leave nothing behind.
 */
export async function calendarFeedForToken(
  db: Database,
  token: string,
  options: { origin: string; now?: Date; limit?: RateLimitRule | null },
): Promise<string | null> {
  if (!looksLikeFeedToken(token)) return null;
  const tokenHash = hashFeedToken(token);
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash }, select: { userId: true, tokenHash: true } });
  if (!feed || !timingSafeEqual(Buffer.from(feed.tokenHash, "hex"), Buffer.from(tokenHash, "hex"))) return null;
  const now = options.now ?? new Date();
  const counted = await countRequest(db, "calendar-feed", feed.tokenHash, options.limit ?? null, now);
  if (!counted.allowed) throw new RateLimitedError("This calendar link has been used very often in a short time.", counted.retryAfterSeconds);
  const entries = await feedEntries(db, feed.userId, options.origin, now);
  return buildCalendar(entries, { now, calendarName: "Tandem events", refreshMinutes: FEED_REFRESH_MINUTES });
}

/**
 * The person's events from 30 days back: the ones they are going to, and the cancelled
 * events they were going to. Only partnerships they are still a member of count.
 */
async function feedEntries(db: Database, userId: string, origin: string, now: Date): Promise<CalendarEntry[]> {
  const rsvps = await db.eventRsvp.findMany({
    where: {
      userId,
      status: "GOING",
      event: {
        endsAt: { gte: new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS) },
        partnership: { memberships: { some: { userId } } },
      },
    },
    select: { event: { select: EVENT_FOR_CALENDAR_SELECT } },
    orderBy: { event: { startsAt: "asc" } },
    take: 500,
  });
  return rsvps.map(({ event }) => calendarEntryForEvent(event, origin));
}
