-- An email in the developer outbox may carry a calendar invitation (iTIP): its METHOD and
-- the .ics text, always both or neither.
ALTER TABLE "OutboxEmail" ADD COLUMN "calendarMethod" TEXT,
ADD COLUMN "calendarIcs" TEXT;

ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_calendar_complete"
  CHECK (("calendarMethod" IS NULL) = ("calendarIcs" IS NULL));
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_calendar_method"
  CHECK ("calendarMethod" IS NULL OR "calendarMethod" IN ('REQUEST', 'CANCEL'));
