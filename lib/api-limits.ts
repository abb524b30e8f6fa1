/**
 * How much one request to the API may carry. The browser's client batches no more calls
 * than the server accepts (components/providers/trpc-provider.tsx); the route handler
 * refuses anything beyond either limit before running a single call
 * (server/api/request-limits.ts).
 */
export const MAX_CALLS_PER_REQUEST = 10;
/** 1 MB: far more than the longest form (a 20,000-character story) needs. */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;
