/** How a person is named in sub-group pages, activity and notifications (never their email). */
export function personName(person: { name: string | null } | null | undefined): string {
  return person?.name?.trim() || "A member";
}

export const personSelect = {
  id: true,
  name: true,
  listedInDirectory: true,
  organisation: { select: { id: true, name: true, sector: true } },
} as const;
