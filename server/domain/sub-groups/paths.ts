/** Where the sub-group's pages live (activity and notification links point here). */
export const subGroupPath = (partnershipSlug: string, subGroupId: string) => `/p/${partnershipSlug}/groups/${subGroupId}`;

export const joinRequestsPath = (partnershipSlug: string, subGroupId: string) =>
  `${subGroupPath(partnershipSlug, subGroupId)}/requests`;

export const prioritiesPath = (partnershipSlug: string) => `/p/${partnershipSlug}/priorities`;

export const personPath = (partnershipSlug: string, userId: string) =>
  `/p/${partnershipSlug}/directory/people/${userId}`;
