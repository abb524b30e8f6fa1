"use client";

import { useEffect, useRef } from "react";
import { FormMessage } from "@/components/ui/form";

export type Notice = { tone: "error" | "success"; text: string } | null;

/**
 * What an in-page action did ("Ben is now an officer"). It takes focus when it appears, so
 * keyboard and screen-reader users land on the result rather than on a row that may have
 * gone (WCAG 2.4.3).
 */
export function ActionNotice({ notice }: { notice: Notice }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!notice) return;
    box.current?.focus();
    // A confirmation that closes after the action hands focus back to its button a moment
    // later (and that row may then vanish on refresh): take it back once that has settled.
    const settle = window.setTimeout(() => box.current?.focus(), 150);
    return () => window.clearTimeout(settle);
  }, [notice]);
  if (!notice) return null;
  return (
    <div ref={box} tabIndex={-1} className="outline-offset-4" data-testid="action-notice">
      <FormMessage tone={notice.tone}>{notice.text}</FormMessage>
    </div>
  );
}
