/**
 * Demo data: two partnerships modelled on public descriptions of real ones. The
 * Renfrewshire Strategic Planning Group (voluntary and public members, 6 priority
 * areas, a small non-recurring fund) and the Leeds Local Care Partnerships (19 LCPs
 * covering the city). Organisations are real or realistic; people are fictional.
 */

import type { MembershipRole as Role, OrganisationType, Sector } from "../../server/db/generated/enums";

export type DemoOrganisation = {
  key: string;
  name: string;
  sector: Sector;
  type: OrganisationType;
  description: string;
  website?: string;
  /** Partnership slug → locality name (or null when it works across the whole area). */
  partnerships: Record<string, string | null>;
};

export type DemoPerson = {
  name: string;
  email: string;
  jobTitle: string;
  /** Organisation key, or null for a local resident taking part as an individual. */
  organisation: string | null;
  memberships: Record<string, Role>;
};

export type DemoPartnership = {
  slug: string;
  name: string;
  kind: "STRATEGIC_PLANNING_GROUP" | "LOCAL_CARE_PARTNERSHIP";
  area: string;
  description: string;
  localities: string[];
};

export const DEMO_PARTNERSHIPS: DemoPartnership[] = [
  {
    slug: "renfrewshire-spg",
    name: "Renfrewshire Strategic Planning Group",
    kind: "STRATEGIC_PLANNING_GROUP",
    area: "Renfrewshire",
    description:
      "Voluntary, public and private sector members of the health and social care Strategic Planning Group. " +
      "Members agreed six priority areas, formed a cross-sector sub-group for each, and test collaborative " +
      "projects with a small non-recurring fund, with a view to scaling up the ones that work.",
    localities: ["Paisley", "West Renfrewshire"],
  },
  {
    slug: "leeds-lcps",
    name: "Leeds Local Care Partnerships",
    kind: "LOCAL_CARE_PARTNERSHIP",
    area: "Leeds",
    description:
      "Local care for local people: 19 Local Care Partnerships covering all of Leeds, where council, NHS and " +
      "third sector staff, elected members and local people work together, regardless of employer, on " +
      "joined-up care that meets the needs of each community.",
    localities: [
      "Aireborough",
      "Armley",
      "Beeston and Middleton",
      "Bramley, Wortley and Farnley",
      "Burmantofts, Harehills and Richmond Hill",
      "Chapeltown",
      "City Centre and Woodsley",
      "Cross Gates and Whinmoor",
      "Garforth and Kippax",
      "Headingley and Hyde Park",
      "Holt Park and Adel",
      "Horsforth",
      "Kirkstall",
      "Moortown and Alwoodley",
      "Morley",
      "Otley and Wharfedale",
      "Pudsey",
      "Seacroft",
      "Wetherby",
    ],
  },
];

const R = "renfrewshire-spg";
const L = "leeds-lcps";

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  // Renfrewshire
  {
    key: "renfrewshire-hscp",
    name: "Renfrewshire Health and Social Care Partnership",
    sector: "PUBLIC",
    type: "HEALTH_AND_CARE_PARTNERSHIP",
    description: "Plans and delivers community health and adult social care services across Renfrewshire.",
    partnerships: { [R]: null },
  },
  {
    key: "engage-renfrewshire",
    name: "Engage Renfrewshire",
    sector: "VOLUNTARY",
    type: "INFRASTRUCTURE_BODY",
    description:
      "The third sector interface for Renfrewshire; runs the quarterly Health Networking Breakfast with speakers and speed networking.",
    partnerships: { [R]: null },
  },
  {
    key: "renfrewshire-council",
    name: "Renfrewshire Council",
    sector: "PUBLIC",
    type: "COUNCIL",
    description: "Local authority for Renfrewshire.",
    partnerships: { [R]: null },
  },
  {
    key: "nhs-ggc",
    name: "NHS Greater Glasgow and Clyde",
    sector: "PUBLIC",
    type: "NHS_BODY",
    description: "Health board for Greater Glasgow and Clyde, including Renfrewshire.",
    partnerships: { [R]: null },
  },
  {
    key: "ramh",
    name: "RAMH (Recovery Across Mental Health)",
    sector: "VOLUNTARY",
    type: "CHARITY",
    description: "Mental health recovery services, employability and wellbeing support.",
    partnerships: { [R]: "Paisley" },
  },
  {
    key: "renfrewshire-carers",
    name: "Renfrewshire Carers Centre",
    sector: "VOLUNTARY",
    type: "CHARITY",
    description: "Information, advice and short breaks for unpaid carers.",
    partnerships: { [R]: "Paisley" },
  },
  {
    key: "linstone-housing",
    name: "Linstone Housing Association",
    sector: "VOLUNTARY",
    type: "HOUSING_PROVIDER",
    description: "Community-controlled housing association in Johnstone.",
    partnerships: { [R]: "West Renfrewshire" },
  },
  {
    key: "clyde-pharmacy",
    name: "Clyde Valley Community Pharmacies Ltd",
    sector: "PRIVATE",
    type: "BUSINESS",
    description: "A small group of community pharmacies offering health checks and medicines advice.",
    partnerships: { [R]: "Paisley" },
  },
  {
    key: "ferguslie-larder",
    name: "Ferguslie Community Larder",
    sector: "COMMUNITY",
    type: "COMMUNITY_GROUP",
    description: "Volunteer-run community food larder and social café.",
    partnerships: { [R]: "Paisley" },
  },
  {
    key: "johnstone-walkers",
    name: "Johnstone Health Walks",
    sector: "COMMUNITY",
    type: "COMMUNITY_GROUP",
    description: "Weekly led walks for people getting active again after illness.",
    partnerships: { [R]: "West Renfrewshire" },
  },
  // Leeds
  {
    key: "forum-central",
    name: "Forum Central",
    sector: "VOLUNTARY",
    type: "INFRASTRUCTURE_BODY",
    description:
      "The voice of the third sector in health and care in Leeds; co-leads the #PositivePartnerships campaign.",
    partnerships: { [L]: null },
  },
  {
    key: "opal",
    name: "OPAL (Older People's Action in the Locality)",
    sector: "VOLUNTARY",
    type: "CHARITY",
    description: "Neighbourhood network for older people, based in Holt Park.",
    partnerships: { [L]: "Holt Park and Adel" },
  },
  {
    key: "leeds-city-council",
    name: "Leeds City Council",
    sector: "PUBLIC",
    type: "COUNCIL",
    description: "Local authority for Leeds, including adult social care and public health.",
    partnerships: { [L]: null },
  },
  {
    key: "lch",
    name: "Leeds Community Healthcare NHS Trust",
    sector: "PUBLIC",
    type: "NHS_BODY",
    description: "Community health services; hosts the LCP Development Team.",
    partnerships: { [L]: null },
  },
  {
    key: "lth",
    name: "Leeds Teaching Hospitals NHS Trust",
    sector: "PUBLIC",
    type: "NHS_BODY",
    description: "Acute hospital services for Leeds.",
    partnerships: { [L]: null },
  },
  {
    key: "holt-park-practice",
    name: "Holt Park Medical Practice",
    sector: "PUBLIC",
    type: "GP_PRACTICE",
    description: "GP practice working with the Holt Park and Adel LCP.",
    partnerships: { [L]: "Holt Park and Adel" },
  },
  {
    key: "touchstone",
    name: "Touchstone",
    sector: "VOLUNTARY",
    type: "CHARITY",
    description: "Mental health and wellbeing support for Leeds communities.",
    partnerships: { [L]: "Chapeltown" },
  },
  {
    key: "age-uk-leeds",
    name: "Age UK Leeds",
    sector: "VOLUNTARY",
    type: "CHARITY",
    description: "Support, advice and activities for older people across Leeds.",
    partnerships: { [L]: null },
  },
  {
    key: "carewell",
    name: "Carewell Home Care Ltd",
    sector: "PRIVATE",
    type: "BUSINESS",
    description: "Home care provider in east Leeds.",
    partnerships: { [L]: "Seacroft" },
  },
  {
    key: "seacroft-neighbours",
    name: "Seacroft Friends and Neighbours",
    sector: "COMMUNITY",
    type: "COMMUNITY_GROUP",
    description: "Residents' group running a weekly lunch club and befriending.",
    partnerships: { [L]: "Seacroft" },
  },
  {
    key: "chapeltown-residents",
    name: "Chapeltown Residents' Association",
    sector: "COMMUNITY",
    type: "COMMUNITY_GROUP",
    description: "Residents' association and community voice for Chapeltown.",
    partnerships: { [L]: "Chapeltown" },
  },
  // Both
  {
    key: "carers-network",
    name: "Northern Carers Network",
    sector: "VOLUNTARY",
    type: "CHARITY",
    description: "A charity supporting unpaid carers across the north of England and Scotland.",
    partnerships: { [R]: null, [L]: null },
  },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  // Renfrewshire
  {
    name: "Fiona MacLeod",
    email: "fiona.macleod@renfrewshire-hscp.example",
    jobTitle: "Head of Strategic Planning and Health Improvement",
    organisation: "renfrewshire-hscp",
    memberships: { [R]: "OFFICER" },
  },
  {
    name: "Margaret Lennox",
    email: "margaret.lennox@renfrewshire-council.example",
    jobTitle: "Councillor and SPG Chair",
    organisation: "renfrewshire-council",
    memberships: { [R]: "CHAIR" },
  },
  {
    name: "Sandra Kerr",
    email: "sandra.kerr@engage-renfrewshire.example",
    jobTitle: "Health and Wellbeing Lead",
    organisation: "engage-renfrewshire",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Kenny Doyle",
    email: "kenny.doyle@ramh.example",
    jobTitle: "Service Manager",
    organisation: "ramh",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Lorna Shaw",
    email: "lorna.shaw@renfrewshire-carers.example",
    jobTitle: "Carer Support Coordinator",
    organisation: "renfrewshire-carers",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Priya Nair",
    email: "priya.nair@nhs-ggc.example",
    jobTitle: "Senior Health Improvement Officer",
    organisation: "nhs-ggc",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Gordon Fraser",
    email: "gordon.fraser@clyde-pharmacy.example",
    jobTitle: "Pharmacist and Director",
    organisation: "clyde-pharmacy",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Aisha Rahman",
    email: "aisha.rahman@ferguslie-larder.example",
    jobTitle: "Volunteer Coordinator",
    organisation: "ferguslie-larder",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Morag Campbell",
    email: "morag.campbell@resident.example",
    jobTitle: "Local resident",
    organisation: null,
    memberships: { [R]: "OBSERVER" },
  },
  // Leeds
  {
    name: "Sam Okafor",
    email: "sam.okafor@lch.example",
    jobTitle: "LCP Development Team Lead",
    organisation: "lch",
    memberships: { [L]: "OFFICER" },
  },
  {
    name: "Rachel Green",
    email: "rachel.green@forum-central.example",
    jobTitle: "Development Worker, Local Care Partnerships",
    organisation: "forum-central",
    memberships: { [L]: "OFFICER" },
  },
  {
    name: "David Hall",
    email: "david.hall@leeds-city-council.example",
    jobTitle: "Elected Member and LCP Chair",
    organisation: "leeds-city-council",
    memberships: { [L]: "CHAIR" },
  },
  {
    name: "Ailsa Brown",
    email: "ailsa.brown@opal.example",
    jobTitle: "Neighbourhood Network Manager",
    organisation: "opal",
    memberships: { [L]: "MEMBER" },
  },
  {
    name: "Tom Hughes",
    email: "tom.hughes@touchstone.example",
    jobTitle: "Community Development Worker",
    organisation: "touchstone",
    memberships: { [L]: "MEMBER" },
  },
  {
    name: "Nadia Malik",
    email: "nadia.malik@holt-park-practice.example",
    jobTitle: "GP Partner",
    organisation: "holt-park-practice",
    memberships: { [L]: "MEMBER" },
  },
  {
    name: "Helen Price",
    email: "helen.price@carewell.example",
    jobTitle: "Registered Manager",
    organisation: "carewell",
    memberships: { [L]: "MEMBER" },
  },
  {
    name: "Joe Bennett",
    email: "joe.bennett@seacroft-neighbours.example",
    jobTitle: "Lunch Club Organiser",
    organisation: "seacroft-neighbours",
    memberships: { [L]: "MEMBER" },
  },
  {
    name: "Grace Adeyemi",
    email: "grace.adeyemi@resident.example",
    jobTitle: "Local resident",
    organisation: null,
    memberships: { [L]: "OBSERVER" },
  },
  // Both partnerships
  {
    name: "Alex Morgan",
    email: "alex.morgan@carers-network.example",
    jobTitle: "Partnerships Manager",
    organisation: "carers-network",
    memberships: { [R]: "MEMBER", [L]: "MEMBER" },
  },
];

export const DEMO_EMAILS: ReadonlySet<string> = new Set(DEMO_PEOPLE.map((person) => person.email));
