/** Says in words that an officer checked the organisation (the tick is decoration). */
export function VerifiedBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded bg-green-50 px-2 py-0.5 text-sm font-semibold text-green-900 ring-1 ring-green-800">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
        <path d="M6.2 11.6 2.6 8l1.1-1.1 2.5 2.5 6.1-6.1L13.4 4.4z" />
      </svg>
      Verified
    </span>
  );
}
