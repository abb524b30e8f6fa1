export const SECTORS = ["VOLUNTARY", "PUBLIC", "PRIVATE", "COMMUNITY"] as const;
export type SectorCode = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<SectorCode, string> = {
  VOLUNTARY: "Voluntary / third sector",
  PUBLIC: "Public / statutory",
  PRIVATE: "Private",
  COMMUNITY: "Community",
};

export const SECTOR_SHORT_LABELS: Record<SectorCode, string> = {
  VOLUNTARY: "Voluntary",
  PUBLIC: "Public",
  PRIVATE: "Private",
  COMMUNITY: "Community",
};

export const ROLE_LABELS = {
  OFFICER: "Officer",
  CHAIR: "Chair",
  MEMBER: "Member",
  OBSERVER: "Observer",
} as const;

export const PARTNERSHIP_KIND_LABELS = {
  STRATEGIC_PLANNING_GROUP: "Strategic Planning Group",
  LOCAL_CARE_PARTNERSHIP: "Local Care Partnership",
} as const;

export const ORGANISATION_TYPE_LABELS = {
  CHARITY: "Charity",
  NHS_BODY: "NHS body",
  HEALTH_AND_CARE_PARTNERSHIP: "Health and care partnership",
  COUNCIL: "Council",
  GP_PRACTICE: "GP practice",
  SOCIAL_ENTERPRISE: "Social enterprise",
  COMMUNITY_GROUP: "Community group",
  HOUSING_PROVIDER: "Housing provider",
  INFRASTRUCTURE_BODY: "Infrastructure / umbrella body",
  BUSINESS: "Business",
  OTHER: "Other",
} as const;
