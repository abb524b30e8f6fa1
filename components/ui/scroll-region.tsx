import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroll area: focusable and named, so keyboard users can
 * scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable"). Positioned, so visually hidden
 * text in its cells (absolutely positioned) is clipped by it rather than widening the page.
 */
export function ScrollRegion({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
