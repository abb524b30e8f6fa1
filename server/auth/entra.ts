/*
 * What Tandem needs to know about Microsoft Entra ID (Azure AD) issuers. No imports, so
 * server/env.ts can use it while validating the configuration.
 */

const ENTRA_HOST = "login.microsoftonline.com";

/** The multi-tenant issuers of a work-or-school Entra app ("organizations"; "common" also lets personal accounts try). */
const MULTI_TENANT_ISSUER = /^https:\/\/login\.microsoftonline\.com\/(organizations|common)\/v2\.0\/?$/i;

/** Path segments that mean "any tenant" rather than one tenant id. */
const TENANT_INDEPENDENT_SEGMENTS = new Set(["organizations", "common", "consumers"]);

function parse(issuer: string): URL | null {
  try {
    return new URL(issuer);
  } catch {
    return null;
  }
}

/** An issuer of Microsoft Entra ID, single- or multi-tenant. */
export function isEntraIssuer(issuer: string): boolean {
  return parse(issuer)?.hostname.toLowerCase() === ENTRA_HOST;
}

/** `https://login.microsoftonline.com/organizations/v2.0` (or `common`): tokens come from many tenants, each with its own issuer. */
export function isEntraMultiTenantIssuer(issuer: string): boolean {
  return MULTI_TENANT_ISSUER.test(issuer);
}

/**
 * An Entra issuer that names no tenant but is not one of the supported multi-tenant
 * forms (the v1 endpoint, or `consumers`, which is for personal Microsoft accounts).
 */
export function isUnsupportedEntraIssuer(issuer: string): boolean {
  const url = parse(issuer);
  if (!url || url.hostname.toLowerCase() !== ENTRA_HOST) return false;
  const firstSegment = url.pathname.split("/").filter(Boolean)[0]?.toLowerCase() ?? "";
  return TENANT_INDEPENDENT_SEGMENTS.has(firstSegment) && !isEntraMultiTenantIssuer(issuer);
}

/** The issuer of tokens from one Entra tenant (what a multi-tenant app's id token carries in `iss`). */
export function entraTenantIssuer(tenantId: string): string {
  return `https://${ENTRA_HOST}/${tenantId}/v2.0`;
}
