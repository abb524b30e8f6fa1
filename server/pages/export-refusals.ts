import "server-only";

/** What a reflection's downloads say when refused: its people may know it exists, so say why. */
export const REFLECTION_EXPORT_REFUSALS = {
  UNAUTHORIZED: { status: 401, message: "Please sign in to download these answers." },
  FORBIDDEN: { status: 403, message: "Only the people who run this reflection can download its answers." },
} as const;
