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

type Refusal = "signIn" | "notMember" | "refused" | "conflicted";

/** `true`, or why not: "signIn", "notMember" (looks like nothing at all), "conflicted" (the row's `unless` holds) or "refused". */
export function allows(rule: Rule | undefined, grant: Grant): true | Refusal {
  if (!rule) return "refused";
  if (rule.kind === "public") return true;
  if (!grant.actor) return "signIn";
  if (rule.kind === "signedIn") return true;
  if (!grant.membership) return "notMember";
  return scopedAllows(rule, grant);
}

function scopedAllows(rule: ScopedRule, grant: Grant): true | "refused" | "conflicted" {
  const role = grant.membership!.role;
  const allowed = rule.roles.includes(role) || (rule.bound.includes(role) && rule.checks.some((name) => holds(name, grant)));
  if (!allowed) return "refused";
  if (rule.unless && holds(rule.unless.check, grant)) return "conflicted";
  return true;
}

/** Refuses (FORBIDDEN, in the rule's own words when it has them) unless `can(action, grant)`. */
export function assertCan(action: Action, grant: Grant): void {
  if (can(action, grant)) return;
  const rule = rules[action];
  const decision = allows(rule, grant);
  throw refusalOf(rule, grant, decision === true ? "refused" : decision);
}

/**
 * The error for a refused rule, in words that fit why: the conflict of interest; for an
 * observer, what observers may do (unless the row words observers' refusals itself); for
 * someone taking part, the row's own words; else the generic refusal.
 */
export function refusalOf(rule: Rule | undefined, grant: Grant, why: Refusal = "refused"): AppError {
  if (rule?.kind !== "scoped") return notAllowed();
  if (why === "conflicted" && rule.unless) return new AppError("FORBIDDEN", rule.unless.refusal);
  const observer = grant.membership?.role === "OBSERVER" && !rule.bound.includes("OBSERVER");
  if (observer && typeof rule.refusal !== "function") return new AppError("FORBIDDEN", OBSERVER_REFUSAL);
  if (rule.refusal) return new AppError("FORBIDDEN", typeof rule.refusal === "string" ? rule.refusal : rule.refusal(grant));
  // Someone who takes part, refused a row their partnership role would need.
  return notAllowed();
}

/** The flags a page renders, each decided by `can`: `viewerCan(grant, { canPost: "discussion.startThread" })`. */
export function viewerCan<const Flags extends Record<string, Action>>(grant: Grant, flags: Flags): { [K in keyof Flags]: boolean } {
  return Object.fromEntries(Object.entries(flags).map(([flag, action]) => [flag, can(action, grant)])) as {
    [K in keyof Flags]: boolean;
  };
}
