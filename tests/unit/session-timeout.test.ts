import { describe, expect, it } from "vitest";
import { keepAliveEveryMs, lastUseWriteIntervalMs, sessionEndsAt, sessionTimeoutState, warningLeadMs } from "@/lib/session-timeout";

const MINUTE = 60_000;

describe("the warning before an idle session ends", () => {
  it("counts from the page's last request, less the time the server may not yet have recorded", () => {
    // 8 hours idle; the server records use at most every 5 minutes.
    expect(lastUseWriteIntervalMs(480)).toBe(5 * MINUTE);
    expect(sessionEndsAt(0, 480)).toBe(480 * MINUTE - 5 * MINUTE);
    // A short timeout records use more often: a tenth of it.
    expect(lastUseWriteIntervalMs(10)).toBe(MINUTE);
  });

  it("warns two minutes before, or a fifth of a short timeout before", () => {
    expect(warningLeadMs(480)).toBe(2 * MINUTE);
    expect(warningLeadMs(5)).toBe(MINUTE);
    const ends = sessionEndsAt(0, 480);
    expect(sessionTimeoutState(ends - 2 * MINUTE - 1, 0, 480)).toBe("active");
    expect(sessionTimeoutState(ends - 2 * MINUTE, 0, 480)).toBe("warning");
    expect(sessionTimeoutState(ends - 1, 0, 480)).toBe("warning");
    expect(sessionTimeoutState(ends, 0, 480)).toBe("ended");
  });

  it("tells the server the person is still here no more often than it records it", () => {
    expect(keepAliveEveryMs(480)).toBe(5 * MINUTE);
    // Pinging at that rate keeps the warning away: the deadline moves on before it comes.
    expect(keepAliveEveryMs(480)).toBeLessThan(sessionEndsAt(0, 480) - warningLeadMs(480));
  });
});
