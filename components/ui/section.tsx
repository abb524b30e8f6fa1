import { useId, type ReactNode } from "react";

/**
 * A titled part of a page: a <section> named by its heading, with an optional lead and
 * actions beside the title. Pages are built from these, so every part has a landmark name.
 */
export function Section({
  title,
  id,
  level = 2,
  lead,
  actions,
  children,
  className = "",
}: {
  title: ReactNode;
  id?: string;
  level?: 2 | 3;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const generated = useId();
  const headingId = id ?? `section-${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className={`mt-10 first:mt-0 ${className}`}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <Heading id={headingId} tabIndex={-1} className={level === 2 ? "text-2xl font-semibold" : "text-xl font-semibold"}>
          {title}
        </Heading>
        {actions ? <div className="flex flex-wrap gap-3">{actions}</div> : null}
      </div>
      {lead ? <p className="mb-4 max-w-prose text-slate-700">{lead}</p> : null}
      {children}
    </section>
  );
}
