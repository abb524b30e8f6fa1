"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The result of an in-page action (saved, published, returned), focused as soon as it is on
 * the page so keyboard and screen reader users land on what happened.
 */
export function FocusedMessage({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Each result mounts afresh (the action clears the last one when it starts), so focus once.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className="rounded-md border-l-4 border-green-800 bg-green-50 p-3 font-semibold text-green-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-800"
    >
      {children}
    </div>
  );
}
