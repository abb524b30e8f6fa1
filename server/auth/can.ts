import { AppError, notAllowed } from "@/server/errors";
import { holds } from "./checks";
import type { Grant } from "./grants";
import { OBSERVER_REFUSAL, rules, type Action, type Rule, type ScopedRule } from "./rules";

/**
 * The one decision: may the actor of this grant do `action`? The API asks it before every
 * procedure (resolve.ts) and the domain asks it for every `viewer.can*` flag a page renders,
 * so a page offers exactly what the API then allows.
 */
export function can(action: Action, grant: Grant): boolean {
  return allows(rules[action], grant) === true;
}

/** `true`, or why not: "signIn", "notMember" (looks like nothing at all) or the refused rule. */
export function allows(rule: Rule | undefined, grant: Grant): true | "signIn" | "notMember" | "refused" {
  if (!rule) return "refused";
  if (rule.kind === "public") return true;
  if (!grant.actor) return "signIn";
  if (rule.kind === "signedIn") return true;
  if (!grant.membership) return "notMember";
  return scopedAllows(rule, grant) ? true : "refused";
}

function scopedAllows(rule: ScopedRule, grant: Grant): boolean {
  const role = grant.membership!.role;
  if (rule.unless && holds(rule.unless, grant)) return false;
  if (rule.roles.includes(role)) return true;
  if (!rule.bound.includes(role)) return false;
  return rule.checks.some((name) => holds(name, grant));
}

/** Refuses (FORBIDDEN, in the rule's own words when it has them) unless `can(action, grant)`. */
export function assertCan(action: Action, grant: Grant): void {
  if (can(action, grant)) return;
  throw refusalOf(rules[action], grant);
}

/** The error for a refused rule: its own words when it has them, else the observer's or the generic refusal. */
export function refusalOf(rule: Rule | undefined, grant: Grant): AppError {
  if (rule?.kind === "scoped" && rule.refusal) {
    return new AppError("FORBIDDEN", typeof rule.refusal === "string" ? rule.refusal : rule.refusal(grant));
  }
  if (rule?.kind === "scoped" && grant.membership?.role === "OBSERVER" && !rule.roles.includes("OBSERVER")) {
    return new AppError("FORBIDDEN", OBSERVER_REFUSAL);
  }
  return notAllowed();
}

/** The flags a page renders, each decided by `can`: `viewerCan(grant, { canPost: "discussion.startThread" })`. */
export function viewerCan<const Flags extends Record<string, Action>>(grant: Grant, flags: Flags): { [K in keyof Flags]: boolean } {
  return Object.fromEntries(Object.entries(flags).map(([flag, action]) => [flag, can(action, grant)])) as {
    [K in keyof Flags]: boolean;
  };
}
