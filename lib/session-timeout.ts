/**
 * When a signed-in page must warn that the session is about to end for lack of use (WCAG 2.2.1
 * Timing Adjustable). Shared by the server's session rules and the page's warning, so they
 * agree on the arithmetic.
 */

/**
 * How often a session's last use is written: at most every 5 minutes (a tenth of the idle
 * timeout when that is shorter), so most requests only read. A session in use therefore
 * ends at the earliest this long short of the idle timeout.
 */
export function lastUseWriteIntervalMs(idleMinutes: number): number {
  return Math.min(5 * 60_000, (idleMinutes * 60_000) / 10);
}

/** The warning comes this long before the session ends: time enough to read it and press one button. */
export function warningLeadMs(idleMinutes: number): number {
  return Math.min(2 * 60_000, (idleMinutes * 60_000) / 5);
}

/**
 * The earliest the server may end the session, counted from the page's last request: its last
 * use may have been recorded up to one write interval before that request.
 */
export function sessionEndsAt(lastRequestAt: number, idleMinutes: number): number {
  return lastRequestAt + idleMinutes * 60_000 - lastUseWriteIntervalMs(idleMinutes);
}

export type SessionTimeoutState = "active" | "warning" | "ended";

export function sessionTimeoutState(now: number, lastRequestAt: number, idleMinutes: number): SessionTimeoutState {
  const endsAt = sessionEndsAt(lastRequestAt, idleMinutes);
  if (now >= endsAt) return "ended";
  if (now >= endsAt - warningLeadMs(idleMinutes)) return "warning";
  return "active";
}

/** Activity on the page (typing, clicking) tells the server the person is still here, at most this often. */
export function keepAliveEveryMs(idleMinutes: number): number {
  return lastUseWriteIntervalMs(idleMinutes);
}
