/**
 * Reflections close at the end of a day in UK time, and anonymous answers keep only the
 * day they were given. Days are ISO dates ("2021-06-30"). The clock arithmetic lives in
 * `lib/uk-time`; these are the names the reflection rules read in.
 */
export { addDays, endOfUkDay as endOfLondonDay, storedDay, ukDay as londonDay } from "../../../lib/uk-time";
