"use client";

import { FormMessage } from "@/components/ui/form";

export type Notice = { tone: "error" | "success"; text: string } | null;

/** What an in-page administration action did ("Ben is now an officer"), focused when it appears. */
export function ActionNotice({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <FormMessage tone={notice.tone} focus focusKey={notice}>
      {notice.text}
    </FormMessage>
  );
}
