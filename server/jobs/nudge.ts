/**
 * Work someone is waiting for (planning the rounds while the organiser watches) should not
 * wait for the runner's next look at the queue. Queuing it nudges this instance's runners
 * to look now; other instances still find it on their next poll.
 */
const listeners = new Set<() => void>();

export function nudgeJobRunners(): void {
  for (const listener of listeners) listener();
}

/** A runner listens while it runs; the returned function stops listening. */
export function onJobNudge(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
