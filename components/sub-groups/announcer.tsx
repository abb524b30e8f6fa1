"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

const AnnounceContext = createContext<((message: string) => void) | null>(null);

/**
 * A status line above a section whose rows can disappear after an action (a member
 * removed, a request decided, an area archived): the outcome is shown and announced here,
 * where it survives the row that triggered it.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const [announcement, setAnnouncement] = useState<{ message: string; count: number } | null>(null);
  const region = useRef<HTMLDivElement>(null);
  const message = announcement?.message ?? null;
  // The control that acted may vanish with the refresh: the outcome takes focus instead.
  useEffect(() => {
    if (announcement) region.current?.focus();
  }, [announcement]);
  const announce = (next: string) => setAnnouncement((previous) => ({ message: next, count: (previous?.count ?? 0) + 1 }));
  return (
    <AnnounceContext.Provider value={announce}>
      <div
        ref={region}
        tabIndex={-1}
        data-testid="announcement"
        role="status"
        className={
          message
            ? "mb-4 rounded-md border-l-4 border-green-800 bg-green-50 p-3 font-semibold text-green-900"
            : "sr-only"
        }
      >
        {message}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

/** The nearest Announcer's `announce`, or null outside one. */
export function useAnnounce(): ((message: string) => void) | null {
  return useContext(AnnounceContext);
}
