/** Where things in the sub-group space live (used for activity and notification links). */
export const discussionsPath = (partnershipSlug: string, subGroupId: string) =>
  `/p/${partnershipSlug}/groups/${subGroupId}/discussions`;

export const threadPath = (partnershipSlug: string, subGroupId: string, threadId: string) =>
  `${discussionsPath(partnershipSlug, subGroupId)}/${threadId}`;

/**
 * A stored link is only followed when it stays on this site: a path starting with a
 * single "/" (not "//host" or "/\host", which browsers treat as another site).
 */
export function safeLinkPath(path: string | null | undefined): string | null {
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}
