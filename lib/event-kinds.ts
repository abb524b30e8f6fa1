/** How events are named on screen, in calendars and in notifications. */

export const EVENT_KINDS = ["INTRODUCTION_SESSION", "NETWORKING_BREAKFAST", "SUB_GROUP_MEETING", "WORKSHOP"] as const;
export type EventKindCode = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKindCode, string> = {
  INTRODUCTION_SESSION: "Introduction session",
  NETWORKING_BREAKFAST: "Networking breakfast",
  SUB_GROUP_MEETING: "Sub-group meeting",
  WORKSHOP: "Workshop",
};

export const EVENT_KIND_HINTS: Record<EventKindCode, string> = {
  INTRODUCTION_SESSION: "For people new to the partnership: what it does and how to take part.",
  NETWORKING_BREAKFAST: "Speakers, then speed networking across sectors.",
  SUB_GROUP_MEETING: "A working meeting of one sub-group.",
  WORKSHOP: "A hands-on session on one topic.",
};

export const EVENT_RECURRENCES = ["MONTHLY", "QUARTERLY"] as const;
export type EventRecurrenceCode = (typeof EVENT_RECURRENCES)[number];

export const EVENT_RECURRENCE_LABELS: Record<EventRecurrenceCode, string> = {
  MONTHLY: "Every month",
  QUARTERLY: "Every three months",
};

export const RSVP_STATUS_LABELS = {
  GOING: "Going",
  WAITING: "On the waiting list",
  CANCELLED: "Not going",
} as const;

/** How long a networking round lasts is up to the room; this is only how many can be planned. */
export const MAX_NETWORKING_ROUNDS = 10;
