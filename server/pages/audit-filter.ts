import "server-only";
import { endOfUkDay, ukDateTime } from "@/lib/uk-time";
import { AUDIT_ACTION_FILTERS } from "@/server/domain/funding/labels";

/**
 * The audit log's filter as its page and its downloads read it from the query string: an action
 * from the list and whole UK days ("2026-03-12"); anything else is left out, not an error.
 */

export type AuditFilterQuery = { action: string; from: string; to: string };
type Query = Record<string, string | string[] | undefined> | URLSearchParams;

const text = (query: Query, key: string) => {
  const value = query instanceof URLSearchParams ? query.get(key) : query[key];
  return typeof value === "string" ? value : "";
};
const day = (value: string) => (ukDateTime(value, "00:00") ? value : "");

export function readAuditFilter(query: Query): AuditFilterQuery {
  const action = text(query, "action");
  return {
    action: AUDIT_ACTION_FILTERS.some(([value]) => value === action) ? action : "",
    from: day(text(query, "from")),
    to: day(text(query, "to")),
  };
}

/** The filter as the API takes it: from the start of the first day to the end of the last. */
export function auditFilterInput(filter: AuditFilterQuery) {
  return {
    action: filter.action || undefined,
    from: filter.from ? (ukDateTime(filter.from, "00:00") ?? undefined) : undefined,
    to: filter.to ? endOfUkDay(filter.to) : undefined,
  };
}
