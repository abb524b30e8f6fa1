/** Shared class names so links that act as buttons and real buttons look alike. */
export const buttonClass = {
  primary:
    "inline-flex min-h-11 items-center justify-center rounded-md bg-brand-800 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-900 hover:text-white disabled:opacity-60",
  secondary:
    "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand-800 bg-white px-4 py-2 font-semibold text-brand-800 no-underline hover:bg-brand-50 disabled:opacity-60",
  quiet:
    "inline-flex min-h-11 items-center justify-center rounded-md px-3 py-2 font-semibold text-brand-800 underline underline-offset-2 hover:bg-brand-50",
} as const;
