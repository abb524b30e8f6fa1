"use client";

import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";

/**
 * On a phone, a menu button that shows and hides what it controls, so the header and
 * navigation take one line of the first screen instead of half of it. From 768 px up the
 * contents are always shown and the button is gone. It closes itself on navigation.
 */
export function CompactMenu({ id, label, children, className = "" }: { id: string; label: ReactNode; children: ReactNode; className?: string }) {
  const pathname = usePathname();
  // Open on one page only: moving to another page closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border-2 border-brand-800 bg-white! px-3 py-1 font-semibold text-brand-800! md:hidden"
      >
        <span aria-hidden="true" className="text-lg leading-none">
          {open ? "✕" : "☰"}
        </span>
        {label}
      </button>
      <div id={id} className={`${open ? "block" : "hidden"} w-full md:block md:w-auto ${className}`}>
        {children}
      </div>
    </>
  );
}
