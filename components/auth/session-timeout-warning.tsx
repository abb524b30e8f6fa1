"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button, ButtonAnchor } from "@/components/ui/button";
import { paths } from "@/lib/paths";
import { keepAliveEveryMs, sessionEndsAt, sessionTimeoutState, type SessionTimeoutState } from "@/lib/session-timeout";

/** tRPC's GET of `me.profile`: answers 401 once the session has ended. */
const KEEP_ALIVE_URL = "/api/trpc/me.profile";

/**
 * Warns a signed-in person before their session ends for lack of use, and lets them stay
 * signed in with one button (WCAG 2.2.1 Timing Adjustable). Typing or clicking anywhere also
 * tells the server they are still here, at most once every few minutes, so someone writing a
 * long proposal without saving is never signed out under their hands.
 */
export function SessionTimeoutWarning({ idleMinutes }: { idleMinutes: number }) {
  // Set when the page has loaded (that load was a request), in the effect below.
  const lastRequestAt = useRef(0);
  const [state, setState] = useState<SessionTimeoutState>("active");
  const [minutesLeft, setMinutesLeft] = useState(0);
  const stayButton = useRef<HTMLButtonElement>(null);
  const pinging = useRef(false);

  const shown = useRef<{ state: SessionTimeoutState; minutesLeft: number }>({ state: "active", minutesLeft: 0 });

  /** Re-renders only when what is shown changes (a timer that fires often must not re-render each time). */
  const check = useCallback(() => {
    const now = Date.now();
    const next = sessionTimeoutState(now, lastRequestAt.current, idleMinutes);
    const left = next === "warning" ? Math.max(1, Math.ceil((sessionEndsAt(lastRequestAt.current, idleMinutes) - now) / 60_000)) : 0;
    if (next === shown.current.state && left === shown.current.minutesLeft) return;
    shown.current = { state: next, minutesLeft: left };
    setState(next);
    setMinutesLeft(left);
  }, [idleMinutes]);

  const keepAlive = useCallback(async () => {
    if (pinging.current) return;
    pinging.current = true;
    try {
      // Any signed-in request records the session's use; asking for one's own profile is the
      // smallest. A plain request: this warning is on every page, and most pages load no API client.
      const response = await fetch(KEEP_ALIVE_URL, { cache: "no-store", credentials: "same-origin" });
      if (!response.ok) throw new Error(`keep-alive answered ${response.status}`);
      lastRequestAt.current = Date.now();
      check();
    } catch {
      shown.current = { state: "ended", minutesLeft: 0 };
      setState("ended");
    } finally {
      pinging.current = false;
    }
  }, [check]);

  useEffect(() => {
    if (lastRequestAt.current === 0) lastRequestAt.current = Date.now();
    // Says the clock is running: the page's HTML arrives before this script does, and the idle
    // time is counted from here.
    document.documentElement.dataset.sessionWatch = "on";
    const timer = window.setInterval(check, 15_000);
    const onActivity = () => {
      if (Date.now() - lastRequestAt.current >= keepAliveEveryMs(idleMinutes) && sessionTimeoutState(Date.now(), lastRequestAt.current, idleMinutes) === "active") {
        void keepAlive();
      }
    };
    window.addEventListener("keydown", onActivity);
    window.addEventListener("pointerdown", onActivity);
    return () => {
      window.clearInterval(timer);
      delete document.documentElement.dataset.sessionWatch;
      window.removeEventListener("keydown", onActivity);
      window.removeEventListener("pointerdown", onActivity);
    };
  }, [check, keepAlive, idleMinutes]);

  useEffect(() => {
    if (state === "warning") stayButton.current?.focus();
  }, [state]);

  if (state === "active") return null;
  return (
    <div className="fixed inset-x-0 bottom-0 z-50 border-t-4 border-amber-600 bg-amber-50 px-4 py-4 shadow-lg">
      <div role="alertdialog" aria-labelledby="session-timeout-title" aria-describedby="session-timeout-text" className="mx-auto max-w-3xl">
        {state === "warning" ? (
          <>
            <h2 id="session-timeout-title" className="text-lg font-semibold text-amber-950">
              You will be signed out soon
            </h2>
            <p id="session-timeout-text" className="mt-1 text-amber-950">
              You have not used Tandem for a while, so you will be signed out in about {minutesLeft} {minutesLeft === 1 ? "minute" : "minutes"}.
              Anything you are typing in a proposal, progress update or evaluation is kept in this browser either way.
            </p>
            <div className="mt-3">
              <Button ref={stayButton} type="button" onClick={() => void keepAlive()}>
                Stay signed in
              </Button>
            </div>
          </>
        ) : (
          <>
            <h2 id="session-timeout-title" className="text-lg font-semibold text-amber-950">
              You have been signed out
            </h2>
            <p id="session-timeout-text" className="mt-1 text-amber-950">
              You were signed out because Tandem was not used for a while. Sign in again to carry on; what you were typing is kept in this browser.
            </p>
            <div className="mt-3">
              <ButtonAnchor variant="primary" href={paths.signIn(typeof window === "undefined" ? undefined : window.location.pathname + window.location.search)}>Sign in again</ButtonAnchor>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
