/**
 * A failure an officer can act on, in plain words. Any other error is logged in full and
 * shown to officers only as "went wrong", because its message may hold personal data.
 * (Its own module so that domain code a job runs can throw it without importing every kind.)
 */
export class JobFailure extends Error {}
