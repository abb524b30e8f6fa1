import type { PersonalDataExportState } from "@/server/db/generated/enums";
import { AppError } from "@/server/errors";

/**
 * A personal data export's lifecycle as an explicit transition table. Every (state, action)
 * pair is either allowed, with the state it leads to, or refused with a message that says why.
 *
 *   BUILDING ─FINISH─▶ READY     (the background job wrote the zip)
 *   BUILDING ─FAIL───▶ FAILED    (the job gave up after its last attempt)
 *   READY    ─EXPIRE─▶ EXPIRED   (past its expiry date; the daily purge then deletes it)
 *   READY    ─DOWNLOAD▶ READY    (as often as the person likes until it expires)
 *
 * EXPIRED and FAILED are final: the person asks for a new export.
 */

export type DataExportAction = "FINISH" | "FAIL" | "EXPIRE" | "DOWNLOAD";

export const DATA_EXPORT_STATES: readonly PersonalDataExportState[] = ["BUILDING", "READY", "EXPIRED", "FAILED"];
export const DATA_EXPORT_ACTIONS: readonly DataExportAction[] = ["FINISH", "FAIL", "EXPIRE", "DOWNLOAD"];

type Outcome = { allowed: true; to: PersonalDataExportState } | { allowed: false; reason: string };
const to = (state: PersonalDataExportState): Outcome => ({ allowed: true, to: state });
const refuse = (reason: string): Outcome => ({ allowed: false, reason });

const STILL_BUILDING = "Your data is still being prepared. Try again in a minute.";
const FINISHED = "This copy of your data has already been prepared.";
const EXPIRED = "This copy of your data has expired. Ask for a new one.";
const FAILED = "This copy of your data could not be prepared. Ask for a new one.";

export const DATA_EXPORT_TRANSITIONS: Readonly<Record<PersonalDataExportState, Readonly<Record<DataExportAction, Outcome>>>> = {
  BUILDING: { FINISH: to("READY"), FAIL: to("FAILED"), EXPIRE: refuse(STILL_BUILDING), DOWNLOAD: refuse(STILL_BUILDING) },
  READY: { FINISH: refuse(FINISHED), FAIL: refuse(FINISHED), EXPIRE: to("EXPIRED"), DOWNLOAD: to("READY") },
  EXPIRED: { FINISH: refuse(EXPIRED), FAIL: refuse(EXPIRED), EXPIRE: refuse(EXPIRED), DOWNLOAD: refuse(EXPIRED) },
  FAILED: { FINISH: refuse(FAILED), FAIL: refuse(FAILED), EXPIRE: refuse(FAILED), DOWNLOAD: refuse(FAILED) },
};

/** The state an action leads to; throws a clear CONFLICT when the table refuses it. */
export function dataExportTransition(state: PersonalDataExportState, action: DataExportAction): PersonalDataExportState {
  const outcome = DATA_EXPORT_TRANSITIONS[state][action];
  if (!outcome.allowed) throw new AppError("CONFLICT", outcome.reason);
  return outcome.to;
}

/** Whether the table allows an action. */
export function dataExportAllows(state: PersonalDataExportState, action: DataExportAction): boolean {
  return DATA_EXPORT_TRANSITIONS[state][action].allowed;
}

/** The state as the person sees it: a READY export past its expiry date reads as EXPIRED until the purge removes it. */
export function effectiveDataExportState(
  row: { state: PersonalDataExportState; expiresAt: Date | null },
  now: Date = new Date(),
): PersonalDataExportState {
  if (row.state === "READY" && row.expiresAt && row.expiresAt <= now) return dataExportTransition("READY", "EXPIRE");
  return row.state;
}
