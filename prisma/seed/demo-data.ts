/**
 * Demo data: two partnerships modelled on public descriptions of real ones. The
 * Renfrewshire Strategic Planning Group (voluntary and public members, 6 priority
 * areas, a small non-recurring fund) and the Leeds Local Care Partnerships (19 LCPs
 * covering the city). Organisations are real or realistic; people are fictional.
 */

import type { MembershipRole as Role, OrganisationType, Sector } from "../../server/db/generated/enums";

// Every demo date is relative to when the demo is seeded, so the story stays current: the
// funded projects started in the last year or so, and their money moved just before.
const SEEDED_AT = new Date();
/** Midnight UTC `days` from the seeding day (negative for earlier): a DATE column's value. */
export const seedDay = (days: number) => new Date(Date.UTC(SEEDED_AT.getUTCFullYear(), SEEDED_AT.getUTCMonth(), SEEDED_AT.getUTCDate() + days));
/** 9am UTC on that day. */
const seedMorning = (days: number) => new Date(seedDay(days).getTime() + 9 * 3_600_000);
/** The UK public-sector financial year (April to March) a day falls in: "2026/27". */
function financialYear(day: Date): string {
  const start = day.getUTCMonth() >= 3 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}
/** The first fund's awards were published a little before its earliest project started (400 days ago). */
export const DEMO_AWARDS_PUBLISHED_DAYS_AGO = 410;
const AWARDS_PUBLISHED = seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO);


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
  interests?: string[];
  bio?: string;
  showEmail?: boolean;
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
  {
    key: "active-communities",
    name: "Active Communities (Scotland)",
    sector: "VOLUNTARY",
    type: "CHARITY",
    description: "Community health and wellbeing charity based in Johnstone: walking, befriending and peer support.",
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
    interests: ["strategic planning", "health improvement"],
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
    interests: ["third sector", "networking", "volunteering"],
    jobTitle: "Health and Wellbeing Lead",
    organisation: "engage-renfrewshire",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Kenny Doyle",
    email: "kenny.doyle@ramh.example",
    interests: ["mental health", "employability", "peer support"],
    jobTitle: "Service Manager",
    organisation: "ramh",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Lorna Shaw",
    email: "lorna.shaw@renfrewshire-carers.example",
    interests: ["carers", "short breaks", "mental health"],
    jobTitle: "Carer Support Coordinator",
    organisation: "renfrewshire-carers",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Priya Nair",
    email: "priya.nair@nhs-ggc.example",
    interests: ["health improvement", "mental health", "inequalities"],
    jobTitle: "Senior Health Improvement Officer",
    organisation: "nhs-ggc",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Gordon Fraser",
    email: "gordon.fraser@clyde-pharmacy.example",
    interests: ["medicines", "health checks", "older people"],
    jobTitle: "Pharmacist and Director",
    organisation: "clyde-pharmacy",
    memberships: { [R]: "MEMBER" },
  },
  {
    name: "Aisha Rahman",
    email: "aisha.rahman@ferguslie-larder.example",
    interests: ["food insecurity", "loneliness", "volunteering"],
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
  {
    name: "Euan Stewart",
    email: "euan.stewart@renfrewshire-council.example",
    jobTitle: "Social Work Service Manager, Older People",
    organisation: "renfrewshire-council",
    memberships: { [R]: "MEMBER" },
    interests: ["older people", "frailty", "housing"],
    showEmail: true,
  },
  {
    name: "Heather Boyle",
    email: "heather.boyle@linstone-housing.example",
    jobTitle: "Tenant Wellbeing Officer",
    organisation: "linstone-housing",
    memberships: { [R]: "MEMBER" },
    interests: ["housing", "loneliness", "older people"],
  },
  {
    name: "Jim McAllister",
    email: "jim.mcallister@johnstone-walks.example",
    jobTitle: "Walk Leader",
    organisation: "johnstone-walkers",
    memberships: { [R]: "MEMBER" },
    interests: ["physical activity", "loneliness"],
  },
  {
    name: "Claire Devlin",
    email: "claire.devlin@nhs-ggc.example",
    jobTitle: "Alcohol and Drug Partnership Coordinator",
    organisation: "nhs-ggc",
    memberships: { [R]: "MEMBER" },
    interests: ["recovery", "alcohol and drugs"],
  },
  {
    name: "Mhairi Gillespie",
    email: "mhairi.gillespie@active-communities.example",
    jobTitle: "Peer Support Coordinator",
    organisation: "active-communities",
    memberships: { [R]: "MEMBER" },
    interests: ["recovery", "peer support", "physical activity"],
    showEmail: true,
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
    interests: ["third sector", "accessibility", "voice and influence"],
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
    interests: ["older people", "loneliness", "digital inclusion"],
    jobTitle: "Neighbourhood Network Manager",
    organisation: "opal",
    memberships: { [L]: "MEMBER" },
  },
  {
    name: "Tom Hughes",
    email: "tom.hughes@touchstone.example",
    interests: ["mental health", "community development"],
    jobTitle: "Community Development Worker",
    organisation: "touchstone",
    memberships: { [L]: "MEMBER" },
  },
  {
    name: "Nadia Malik",
    email: "nadia.malik@holt-park-practice.example",
    interests: ["social prescribing", "frailty"],
    jobTitle: "GP Partner",
    organisation: "holt-park-practice",
    memberships: { [L]: "MEMBER" },
  },
  {
    name: "Helen Price",
    email: "helen.price@carewell.example",
    interests: ["home care", "hospital discharge"],
    jobTitle: "Registered Manager",
    organisation: "carewell",
    memberships: { [L]: "MEMBER" },
  },
  {
    name: "Joe Bennett",
    email: "joe.bennett@seacroft-neighbours.example",
    interests: ["loneliness", "food"],
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
    interests: ["carers", "short breaks"],
    jobTitle: "Partnerships Manager",
    organisation: "carers-network",
    memberships: { [R]: "MEMBER", [L]: "MEMBER" },
  },
];

export const DEMO_EMAILS: ReadonlySet<string> = new Set(DEMO_PEOPLE.map((person) => person.email));

/** Renfrewshire's six priority areas, each with a cross-sector sub-group (leads listed first). */
export type DemoSubGroup = {
  name: string;
  purpose: string;
  joinPolicy: "OPEN" | "APPROVAL";
  leads: string[];
  members: string[];
};
export type DemoPriorityArea = {
  partnership: string;
  title: string;
  description: string;
  outcomesSought: string;
  subGroups: DemoSubGroup[];
};

export const DEMO_PRIORITY_AREAS: DemoPriorityArea[] = [
  {
    partnership: R,
    title: "Mental health and wellbeing",
    description: "Early, local support for people whose mental health has suffered through the pandemic.",
    outcomesSought: "More people get support before crisis; shorter waits for community support.",
    subGroups: [
      {
        name: "Mental health sub-group",
        purpose: "Test community-based wellbeing support alongside NHS services.",
        joinPolicy: "APPROVAL",
        leads: ["priya.nair@nhs-ggc.example", "kenny.doyle@ramh.example"],
        members: ["sandra.kerr@engage-renfrewshire.example"],
      },
    ],
  },
  {
    partnership: R,
    title: "Unpaid carers",
    description: "Unpaid carers have taken on more during lockdown, often without a break.",
    outcomesSought: "Carers get short breaks and know where to find help.",
    subGroups: [
      {
        name: "Carers sub-group",
        purpose: "Test flexible short breaks and a single front door for carer support.",
        joinPolicy: "APPROVAL",
        leads: ["lorna.shaw@renfrewshire-carers.example", "euan.stewart@renfrewshire-council.example"],
        members: ["alex.morgan@carers-network.example", "gordon.fraser@clyde-pharmacy.example"],
      },
    ],
  },
  {
    partnership: R,
    title: "Older people and frailty",
    description: "Helping older people stay well and independent at home.",
    outcomesSought: "Fewer avoidable hospital admissions; more older people connected to community activity.",
    subGroups: [
      {
        name: "Older people sub-group",
        purpose: "Test pharmacy health checks and tenant wellbeing visits for people at risk of frailty.",
        joinPolicy: "OPEN",
        leads: ["euan.stewart@renfrewshire-council.example", "heather.boyle@linstone-housing.example"],
        members: ["gordon.fraser@clyde-pharmacy.example"],
      },
    ],
  },
  {
    partnership: R,
    title: "Alcohol and drugs recovery",
    description: "Recovery-oriented support in communities, with lived experience at its heart.",
    outcomesSought: "More people sustain recovery; fewer drug-related deaths.",
    subGroups: [
      {
        name: "Recovery sub-group",
        purpose: "Test peer-led recovery cafés linked to treatment services.",
        joinPolicy: "APPROVAL",
        leads: ["claire.devlin@nhs-ggc.example", "mhairi.gillespie@active-communities.example"],
        members: [],
      },
    ],
  },
  {
    partnership: R,
    title: "Loneliness and social isolation",
    description: "Reconnecting people who became isolated during lockdown.",
    outcomesSought: "Fewer people report feeling lonely; more take part in community activity.",
    subGroups: [
      {
        name: "Connecting communities sub-group",
        purpose: "Test walking groups, community meals and befriending as routes back into community life.",
        joinPolicy: "OPEN",
        leads: ["aisha.rahman@ferguslie-larder.example", "jim.mcallister@johnstone-walks.example"],
        members: ["heather.boyle@linstone-housing.example", "mhairi.gillespie@active-communities.example"],
      },
    ],
  },
  {
    partnership: R,
    title: "Healthy living and inequalities",
    description: "Closing the gap in healthy life expectancy between Renfrewshire's communities.",
    outcomesSought: "Better access to healthy food and activity in the most deprived areas.",
    subGroups: [
      {
        name: "Healthy living sub-group",
        purpose: "Test community food and activity programmes in Ferguslie and Johnstone.",
        joinPolicy: "OPEN",
        leads: ["priya.nair@nhs-ggc.example", "aisha.rahman@ferguslie-larder.example"],
        members: ["jim.mcallister@johnstone-walks.example"],
      },
    ],
  },
  {
    partnership: L,
    title: "Frailty and ageing well",
    description: "Older people in Leeds live well at home, connected to their neighbourhood.",
    outcomesSought: "Fewer falls and crisis admissions; more older people in neighbourhood network activity.",
    subGroups: [
      {
        name: "Holt Park ageing well group",
        purpose: "Join up the GP practice and OPAL's neighbourhood network for people with frailty.",
        joinPolicy: "OPEN",
        leads: ["ailsa.brown@opal.example", "nadia.malik@holt-park-practice.example"],
        members: ["helen.price@carewell.example"],
      },
    ],
  },
  {
    partnership: L,
    title: "Mental health in the community",
    description: "Local, culturally appropriate mental health support.",
    outcomesSought: "More people get timely community mental health support close to home.",
    subGroups: [
      {
        name: "Chapeltown wellbeing group",
        purpose: "Test community wellbeing sessions co-designed with residents.",
        joinPolicy: "APPROVAL",
        leads: ["tom.hughes@touchstone.example", "sam.okafor@lch.example"],
        members: ["grace.adeyemi@resident.example"],
      },
    ],
  },
  {
    partnership: L,
    title: "Connected neighbourhoods",
    description: "Tackling loneliness through neighbourhood action.",
    outcomesSought: "Fewer people feel lonely; more residents volunteer locally.",
    subGroups: [
      {
        name: "Seacroft connections group",
        purpose: "Test a lunch club and befriending offer with home care visits.",
        joinPolicy: "OPEN",
        leads: ["joe.bennett@seacroft-neighbours.example", "rachel.green@forum-central.example"],
        members: ["helen.price@carewell.example", "alex.morgan@carers-network.example"],
      },
    ],
  },
];

/** A pending request, a conversation and a pinned note, so the sub-group space has life in it. */
export const DEMO_JOIN_REQUESTS = [
  {
    subGroup: "Recovery sub-group",
    requester: "kenny.doyle@ramh.example",
    message: "RAMH runs peer support groups in Paisley and would like to link them to the recovery cafés.",
  },
];

export const DEMO_THREADS = [
  {
    subGroup: "Carers sub-group",
    author: "lorna.shaw@renfrewshire-carers.example",
    title: "Short breaks test: what should we measure?",
    body: "We have agreed to test flexible short breaks. How will we know it worked? I suggest carers' own wellbeing scores at the start and after three months.",
    replies: [
      {
        author: "euan.stewart@renfrewshire-council.example",
        body: "Agreed. Social work can add how many carers ask for a carer support plan. @Alex Morgan, does the network use a standard wellbeing scale?",
      },
      {
        author: "alex.morgan@carers-network.example",
        body: "We use the Carer Wellbeing Scale. Happy to share the template and last year's baseline.",
      },
    ],
  },
];

export const DEMO_NOTES = [
  {
    subGroup: "Carers sub-group",
    author: "lorna.shaw@renfrewshire-carers.example",
    title: "Next meeting",
    body: "Tuesday 9 March, 10am to 12pm on Zoom. Agenda: short breaks test plan and proposal budget.",
  },
];

/** Renfrewshire's non-recurring fund and the 11 test projects it funded across the six priority areas. */
export const DEMO_FUND = {
  partnership: R,
  officer: "fiona.macleod@renfrewshire-hscp.example",
  name: `Non-recurring partnership fund ${financialYear(AWARDS_PUBLISHED)}`,
  source: "Renfrewshire Health and Social Care Partnership",
  /** The organisation whose money it is (named as the funder in open grants data). */
  funder: "renfrewshire-hscp",
  financialYear: financialYear(AWARDS_PUBLISHED),
  totalPence: 10_000_000,
  round: {
    title: `Test and learn round ${seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO - 90).getUTCFullYear()}`,
    guidance: "Collaborative proposals from sub-groups to test responses to the partnership's priorities, with a view to becoming self-sustaining and scaled up if they work well.",
    eligibility: "Proposals developed within a sub-group, with at least one voluntary-sector and one public-sector partner.",
    requiredPartnerSectors: ["VOLUNTARY", "PUBLIC"] as Sector[],
    criteria: [
      { name: "Cross-sector partnership", weight: 30 },
      { name: "Clear test and measures of success", weight: 30 },
      { name: "Reach into communities with greatest need", weight: 20 },
      { name: "Route to sustainability or scale", weight: 20 },
    ],
    opensAt: seedMorning(-DEMO_AWARDS_PUBLISHED_DAYS_AGO - 90),
    closesAt: new Date(seedDay(-DEMO_AWARDS_PUBLISHED_DAYS_AGO - 32).getTime() + 17 * 3_600_000),
    minAwardPence: 200_000,
    maxAwardPence: 1_500_000,
  },
  awards: [
    { area: "Mental health and wellbeing", project: "Wellbeing cafés in Paisley", recipient: "ramh", pence: 980_000, secondPaid: true },
    { area: "Mental health and wellbeing", project: "Peer support phone line", recipient: "ramh", pence: 750_000, secondPaid: false },
    { area: "Unpaid carers", project: "Flexible short breaks for carers", recipient: "renfrewshire-carers", pence: 1_200_000, secondPaid: true },
    { area: "Unpaid carers", project: "Carers' single front door", recipient: "renfrewshire-carers", pence: 620_000, secondPaid: false },
    { area: "Older people and frailty", project: "Pharmacy frailty checks", recipient: "clyde-pharmacy", pence: 840_000, secondPaid: false },
    { area: "Older people and frailty", project: "Tenant wellbeing visits", recipient: "linstone-housing", pence: 900_000, secondPaid: true },
    { area: "Alcohol and drugs recovery", project: "Recovery café, Johnstone", recipient: "active-communities", pence: 1_050_000, secondPaid: false },
    { area: "Loneliness and social isolation", project: "Ferguslie community meals", recipient: "ferguslie-larder", pence: 780_000, secondPaid: true },
    { area: "Loneliness and social isolation", project: "Walk and talk groups", recipient: "johnstone-walkers", pence: 460_000, secondPaid: false },
    { area: "Healthy living and inequalities", project: "Community cooking on a budget", recipient: "ferguslie-larder", pence: 890_000, secondPaid: false },
    { area: "Healthy living and inequalities", project: "Active Johnstone", recipient: "active-communities", pence: 930_000, secondPaid: false },
  ],
};

export type DemoProposal = {
  subGroup: string;
  round: "winter" | "spring";
  status: "DRAFT" | "SUBMITTED" | "UNDER_ASSESSMENT";
  lead: string;
  coAuthors: string[];
  title: string;
  summary: string;
  need: string;
  hypothesis: string;
  measures: { name: string; unit: string; kind: "NUMBER" | "PERCENTAGE"; baseline: number | null; target: number }[];
  activities: { activity: string; byDays: number }[];
  leadOrganisation: string;
  partnerOrganisations: string[];
  budget: { item: string; pence: number; organisation: string }[];
  months: number | null;
  sustainability: string;
  risks: string;
  /** Submitted (or draft) scores by panel members, one score per criterion in order. */
  scores?: { assessor: string; scores: number[]; comment: string; submitted: boolean }[];
};

/**
 * A second, smaller fund with two rounds: the winter round has closed and its panel is part
 * way through scoring; the spring round is open, with one proposal submitted and one being
 * co-written. Dates are relative to when the demo is seeded, so the story stays current.
 */
export const DEMO_PROPOSALS_FUND = {
  partnership: R,
  officer: "fiona.macleod@renfrewshire-hscp.example",
  name: `Winter test-and-learn fund ${financialYear(SEEDED_AT)}`,
  source: "Renfrewshire Health and Social Care Partnership",
  financialYear: financialYear(SEEDED_AT),
  totalPence: 4_000_000,
  criteria: DEMO_FUND.round.criteria,
  rounds: {
    winter: {
      title: `Winter round ${seedDay(-40).getUTCFullYear()}`,
      guidance: "Small tests of change that ease winter pressures, co-written in a sub-group.",
      eligibility: "Proposals from a sub-group with voluntary-sector and public-sector partners.",
      requiredPartnerSectors: ["VOLUNTARY", "PUBLIC"] as Sector[],
      opensDaysFromSeed: -40,
      closesDaysFromSeed: -5,
      status: "CLOSED" as const,
      minAwardPence: 100_000,
      maxAwardPence: 1_000_000,
    },
    spring: {
      title: `Spring round ${seedDay(-3).getUTCFullYear()}`,
      guidance: "Tests that help people stay connected and well at home as services reopen.",
      eligibility: "Proposals from a sub-group with voluntary-sector and public-sector partners.",
      requiredPartnerSectors: ["VOLUNTARY", "PUBLIC"] as Sector[],
      opensDaysFromSeed: -3,
      closesDaysFromSeed: 30,
      status: "OPEN" as const,
      minAwardPence: 100_000,
      maxAwardPence: 1_000_000,
    },
  },
  panel: [
    "margaret.lennox@renfrewshire-council.example",
    "sandra.kerr@engage-renfrewshire.example",
    "euan.stewart@renfrewshire-council.example",
  ],
};

export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    subGroup: "Mental health sub-group",
    round: "winter",
    status: "UNDER_ASSESSMENT",
    lead: "kenny.doyle@ramh.example",
    coAuthors: ["priya.nair@nhs-ggc.example"],
    title: "Men's walk and talk group",
    summary: "A weekly peer-led walk for men in Paisley, with a mental health first aider on every walk and a warm welcome back at the café.",
    need: "Men in Paisley are less likely to seek help early, and referrals to community mental health support from men fell during lockdown.",
    hypothesis: "If men can join a low-pressure weekly walk led by peers, more of them will talk about their wellbeing and take up support before crisis. We will know it worked if regular walkers report better wellbeing and more men are referred on early.",
    measures: [
      { name: "Men walking at least monthly", unit: "men", kind: "NUMBER", baseline: 0, target: 40 },
      { name: "Walkers reporting improved wellbeing (WEMWBS)", unit: "% of walkers", kind: "PERCENTAGE", baseline: null, target: 60 },
    ],
    activities: [
      { activity: "Train six volunteer walk leaders in mental health first aid", byDays: 30 },
      { activity: "Weekly walks start from the Paisley café", byDays: 45 },
      { activity: "Mid-test review with the sub-group", byDays: 120 },
    ],
    leadOrganisation: "ramh",
    partnerOrganisations: ["ramh", "nhs-ggc"],
    budget: [
      { item: "Walk leader training", pence: 180_000, organisation: "ramh" },
      { item: "Coordinator, 1 day a week", pence: 360_000, organisation: "ramh" },
      { item: "Referral pathway and evaluation", pence: 60_000, organisation: "nhs-ggc" },
    ],
    months: 6,
    sustainability: "Volunteer leaders keep the walks going; RAMH will seek lottery funding for coordination if the test works.",
    risks: "Winter weather reduces turnout: indoor chat sessions at the café on stormy days.",
    scores: [
      { assessor: "margaret.lennox@renfrewshire-council.example", scores: [4, 4, 3, 3], comment: "Good reach; sustainability needs more thought.", submitted: true },
      { assessor: "sandra.kerr@engage-renfrewshire.example", scores: [5, 4, 4, 3], comment: "Strong peer-led model.", submitted: true },
      { assessor: "euan.stewart@renfrewshire-council.example", scores: [4, 3, 0, 0], comment: "", submitted: false },
    ],
  },
  {
    subGroup: "Carers sub-group",
    round: "winter",
    status: "UNDER_ASSESSMENT",
    lead: "lorna.shaw@renfrewshire-carers.example",
    coAuthors: ["gordon.fraser@clyde-pharmacy.example"],
    title: "Pharmacy carer check-ins",
    summary: "Community pharmacists spot unpaid carers when they collect prescriptions and offer a five-minute check-in and a referral to the carers centre.",
    need: "Two in three carers we meet had never been identified as a carer by any service.",
    hypothesis: "If pharmacists ask a simple question at the counter, more hidden carers will be identified and referred. It worked if referrals from pharmacies reach 60 in six months.",
    measures: [{ name: "Carers referred from pharmacies", unit: "carers", kind: "NUMBER", baseline: 4, target: 60 }],
    activities: [
      { activity: "Brief pharmacy teams in eight pharmacies", byDays: 20 },
      { activity: "Check-ins running in all eight pharmacies", byDays: 40 },
    ],
    leadOrganisation: "renfrewshire-carers",
    partnerOrganisations: ["renfrewshire-carers", "clyde-pharmacy"],
    budget: [
      { item: "Pharmacy team briefings", pence: 120_000, organisation: "clyde-pharmacy" },
      { item: "Carer support worker time", pence: 330_000, organisation: "renfrewshire-carers" },
    ],
    months: 6,
    sustainability: "Built into the pharmacy contract's public health service if referrals justify it.",
    risks: "Pharmacy staff turnover: short video briefing for new staff.",
    scores: [
      { assessor: "margaret.lennox@renfrewshire-council.example", scores: [5, 3, 4, 4], comment: "Simple and cheap to scale.", submitted: true },
    ],
  },
  {
    subGroup: "Recovery sub-group",
    round: "winter",
    status: "UNDER_ASSESSMENT",
    lead: "mhairi.gillespie@active-communities.example",
    coAuthors: ["claire.devlin@nhs-ggc.example"],
    title: "Recovery café evenings",
    summary: "Opening the Johnstone recovery café on two evenings a week, when people in early recovery say they most need company.",
    need: "Most relapses reported to the recovery service happen in the evening, when no community support is open.",
    hypothesis: "If the café opens two evenings a week, people in early recovery will use it instead of being alone, and fewer will relapse. We will know from attendance and the recovery service's relapse records.",
    measures: [
      { name: "Evening attendances", unit: "visits a month", kind: "NUMBER", baseline: 0, target: 120 },
      { name: "Regulars still in recovery after 3 months", unit: "% of regulars", kind: "PERCENTAGE", baseline: 55, target: 70 },
    ],
    activities: [{ activity: "Recruit and induct evening volunteers", byDays: 30 }],
    leadOrganisation: "active-communities",
    partnerOrganisations: ["active-communities", "nhs-ggc"],
    budget: [
      { item: "Evening opening costs", pence: 450_000, organisation: "active-communities" },
      { item: "Peer worker sessions", pence: 300_000, organisation: "active-communities" },
    ],
    months: 9,
    sustainability: "Evening opening becomes part of the café's core offer, funded through the alcohol and drug partnership if it works.",
    risks: "Volunteer burnout on evenings: rota of at least ten volunteers.",
    scores: [],
  },
  {
    subGroup: "Older people sub-group",
    round: "spring",
    status: "SUBMITTED",
    lead: "heather.boyle@linstone-housing.example",
    coAuthors: ["gordon.fraser@clyde-pharmacy.example"],
    title: "Tenant befriending calls",
    summary: "Weekly befriending calls to older tenants living alone, with a pharmacy medicines check for anyone who wants one.",
    need: "A third of our older tenants living alone told us they go a week without a conversation.",
    hypothesis: "If older tenants get a weekly call from the same befriender, fewer will feel lonely and more will take up community activities. It worked if loneliness scores fall for most callers.",
    measures: [{ name: "Tenants feeling less lonely after 3 months", unit: "% of tenants called", kind: "PERCENTAGE", baseline: null, target: 65 }],
    activities: [
      { activity: "Train twelve volunteer befrienders", byDays: 30 },
      { activity: "Calls start to the first 50 tenants", byDays: 45 },
    ],
    leadOrganisation: "linstone-housing",
    partnerOrganisations: ["linstone-housing", "clyde-pharmacy"],
    budget: [
      { item: "Befriending coordinator", pence: 420_000, organisation: "linstone-housing" },
      { item: "Medicines checks", pence: 90_000, organisation: "clyde-pharmacy" },
    ],
    months: 6,
    sustainability: "Linstone will fund the coordinator from its tenancy sustainment budget if the test shows results.",
    risks: "Tenants decline calls from strangers: introduce befrienders at the coffee mornings first.",
  },
  {
    subGroup: "Carers sub-group",
    round: "spring",
    status: "DRAFT",
    lead: "lorna.shaw@renfrewshire-carers.example",
    coAuthors: ["euan.stewart@renfrewshire-council.example"],
    title: "Digital check-ins for carers",
    summary: "A short video or phone check-in every fortnight for carers who cannot leave the house.",
    need: "Carers looking after someone at home full time cannot come to the centre, and told us they feel forgotten.",
    hypothesis: "",
    measures: [],
    activities: [],
    leadOrganisation: "renfrewshire-carers",
    partnerOrganisations: ["renfrewshire-carers", "renfrewshire-council"],
    budget: [{ item: "Tablets and data for carers", pence: 250_000, organisation: "renfrewshire-carers" }],
    months: null,
    sustainability: "",
    risks: "",
  },
];

export type DemoProject = {
  /** The DEMO_FUND award it is set up from. */
  award: string;
  lead: string;
  team: string[];
  frequency: "MONTHLY" | "QUARTERLY";
  /** When the test began and how long it runs, relative to when the demo is seeded. */
  startedDaysAgo: number;
  months: number;
  status: "ACTIVE" | "EVALUATING";
  measures: { name: string; unit: string; kind: "NUMBER" | "PERCENTAGE"; baseline: number | null; target: number }[];
  /** Shares of the award by budget line, in per cent (they add up to 100). */
  budget: { item: string; percent: number }[];
  /**
   * The updates posted, one per period from the first: RAG, percentage complete, days after
   * the due date it came in (negative: early), and whether an officer has accepted it yet.
   */
  updates: { rag: "GREEN" | "AMBER" | "RED"; percent: number; daysLate: number; accepted: boolean; narrative: string }[];
  /** Payment 2 waits for this period's update to be accepted. */
  secondPaymentWaitsFor?: number;
};

/**
 * The 11 funded projects of the 2020/21 fund in their test-and-learn periods: most report
 * on time, some are late or overdue, two are being evaluated. Dates are relative to when
 * the demo is seeded so the dashboards always tell a current story.
 */
export const DEMO_PROJECTS: DemoProject[] = [
  {
    award: "Wellbeing cafés in Paisley",
    lead: "kenny.doyle@ramh.example",
    team: ["priya.nair@nhs-ggc.example"],
    frequency: "QUARTERLY",
    startedDaysAgo: 290,
    months: 12,
    status: "ACTIVE",
    measures: [
      { name: "People attending a café monthly", unit: "people", kind: "NUMBER", baseline: 0, target: 120 },
      { name: "Attendees reporting better wellbeing", unit: "% of attendees", kind: "PERCENTAGE", baseline: null, target: 60 },
    ],
    budget: [
      { item: "Café sessions and venue hire", percent: 55 },
      { item: "Peer worker hours", percent: 45 },
    ],
    updates: [
      { rag: "AMBER", percent: 20, daysLate: -3, accepted: true, narrative: "Two cafés open; numbers building slowly through word of mouth." },
      { rag: "GREEN", percent: 45, daysLate: -1, accepted: true, narrative: "GP link workers now refer in; a third café opened in Ferguslie." },
      { rag: "GREEN", percent: 70, daysLate: 0, accepted: true, narrative: "Attendance steady at about 90 a month; wellbeing scores up." },
    ],
  },
  {
    award: "Peer support phone line",
    lead: "kenny.doyle@ramh.example",
    team: ["claire.devlin@nhs-ggc.example"],
    frequency: "MONTHLY",
    startedDaysAgo: 150,
    months: 9,
    status: "ACTIVE",
    measures: [{ name: "Calls answered by peers", unit: "calls", kind: "NUMBER", baseline: 0, target: 400 }],
    budget: [
      { item: "Peer supporter sessions", percent: 70 },
      { item: "Phone system and training", percent: 30 },
    ],
    updates: [
      { rag: "GREEN", percent: 10, daysLate: 0, accepted: true, narrative: "Line live four evenings a week with six trained peer supporters." },
      { rag: "AMBER", percent: 20, daysLate: 9, accepted: true, narrative: "Two supporters left; evening cover is thin while we recruit." },
    ],
    secondPaymentWaitsFor: 3,
  },
  {
    award: "Flexible short breaks for carers",
    lead: "lorna.shaw@renfrewshire-carers.example",
    team: ["euan.stewart@renfrewshire-council.example"],
    frequency: "QUARTERLY",
    startedDaysAgo: 400,
    months: 12,
    status: "EVALUATING",
    measures: [
      { name: "Carers taking a short break", unit: "carers", kind: "NUMBER", baseline: 0, target: 80 },
      { name: "Carers who feel able to continue caring", unit: "% of carers", kind: "PERCENTAGE", baseline: 48, target: 70 },
    ],
    budget: [
      { item: "Break budgets for carers", percent: 75 },
      { item: "Co-ordinator time", percent: 25 },
    ],
    updates: [
      { rag: "GREEN", percent: 25, daysLate: -2, accepted: true, narrative: "Carers choose their own breaks; 22 taken in the first quarter." },
      { rag: "GREEN", percent: 50, daysLate: -5, accepted: true, narrative: "Social work now refers carers at assessment; 47 breaks so far." },
      { rag: "GREEN", percent: 75, daysLate: 0, accepted: true, narrative: "Demand is above plan; we prioritise carers with no other support." },
      { rag: "GREEN", percent: 100, daysLate: -1, accepted: true, narrative: "86 carers took a break; 72% now feel able to carry on caring." },
    ],
  },
  {
    award: "Carers' single front door",
    lead: "lorna.shaw@renfrewshire-carers.example",
    team: ["euan.stewart@renfrewshire-council.example", "alex.morgan@carers-network.example"],
    frequency: "MONTHLY",
    startedDaysAgo: 95,
    months: 9,
    status: "ACTIVE",
    measures: [{ name: "Carers contacting the front door", unit: "carers", kind: "NUMBER", baseline: 15, target: 150 }],
    budget: [
      { item: "Front door adviser", percent: 80 },
      { item: "Leaflets and publicity", percent: 20 },
    ],
    updates: [
      { rag: "AMBER", percent: 10, daysLate: 6, accepted: true, narrative: "Adviser in post a month late; one number now answers for all carers' services." },
      { rag: "AMBER", percent: 20, daysLate: -2, accepted: false, narrative: "Contacts rising; council and NHS staff still use old routes." },
    ],
  },
  {
    award: "Pharmacy frailty checks",
    lead: "gordon.fraser@clyde-pharmacy.example",
    team: ["euan.stewart@renfrewshire-council.example"],
    frequency: "MONTHLY",
    startedDaysAgo: 130,
    months: 8,
    status: "ACTIVE",
    measures: [
      { name: "Frailty checks done", unit: "checks", kind: "NUMBER", baseline: 0, target: 300 },
      { name: "People referred on to support", unit: "people", kind: "NUMBER", baseline: 0, target: 60 },
    ],
    budget: [
      { item: "Pharmacist time", percent: 65 },
      { item: "Training and materials", percent: 35 },
    ],
    updates: [
      { rag: "GREEN", percent: 12, daysLate: 0, accepted: true, narrative: "Four pharmacies trained; 38 checks in the first month." },
      { rag: "GREEN", percent: 25, daysLate: -3, accepted: true, narrative: "Checks now offered with flu jabs; referrals to falls service working." },
      { rag: "GREEN", percent: 38, daysLate: 1, accepted: false, narrative: "112 checks so far, 19 people referred on." },
    ],
  },
  {
    award: "Tenant wellbeing visits",
    lead: "heather.boyle@linstone-housing.example",
    team: ["priya.nair@nhs-ggc.example"],
    frequency: "QUARTERLY",
    startedDaysAgo: 380,
    months: 12,
    status: "EVALUATING",
    measures: [{ name: "Tenants visited", unit: "tenants", kind: "NUMBER", baseline: 0, target: 200 }],
    budget: [
      { item: "Wellbeing visitor", percent: 85 },
      { item: "Travel", percent: 15 },
    ],
    updates: [
      { rag: "GREEN", percent: 25, daysLate: 0, accepted: true, narrative: "Visits begun in the high flats; tenants welcome a familiar face." },
      { rag: "AMBER", percent: 50, daysLate: 12, accepted: true, narrative: "Visitor off sick for three weeks; catching up now." },
      { rag: "GREEN", percent: 75, daysLate: -4, accepted: true, narrative: "164 tenants visited; 31 linked to community activity." },
      { rag: "GREEN", percent: 100, daysLate: 2, accepted: true, narrative: "212 tenants visited. Evaluation under way with the HSCP." },
    ],
  },
  {
    award: "Recovery café, Johnstone",
    lead: "mhairi.gillespie@active-communities.example",
    team: ["claire.devlin@nhs-ggc.example"],
    frequency: "QUARTERLY",
    startedDaysAgo: 215,
    months: 12,
    status: "ACTIVE",
    measures: [{ name: "People in recovery attending weekly", unit: "people", kind: "NUMBER", baseline: 5, target: 40 }],
    budget: [
      { item: "Café running costs", percent: 60 },
      { item: "Peer recovery workers", percent: 40 },
    ],
    updates: [{ rag: "AMBER", percent: 20, daysLate: 3, accepted: true, narrative: "Café open Saturdays; treatment services slow to refer." }],
  },
  {
    award: "Ferguslie community meals",
    lead: "aisha.rahman@ferguslie-larder.example",
    team: ["euan.stewart@renfrewshire-council.example"],
    frequency: "MONTHLY",
    startedDaysAgo: 185,
    months: 10,
    status: "ACTIVE",
    measures: [
      { name: "Meals shared each month", unit: "meals", kind: "NUMBER", baseline: 0, target: 600 },
      { name: "Diners who feel less lonely", unit: "% of diners", kind: "PERCENTAGE", baseline: null, target: 50 },
    ],
    budget: [
      { item: "Food and kitchen costs", percent: 60 },
      { item: "Volunteer co-ordinator", percent: 40 },
    ],
    updates: [
      { rag: "GREEN", percent: 10, daysLate: -1, accepted: true, narrative: "Weekly meals started; 140 meals in the first month." },
      { rag: "GREEN", percent: 20, daysLate: 0, accepted: true, narrative: "Volunteers from the church and the larder cook together." },
      { rag: "GREEN", percent: 30, daysLate: -2, accepted: true, narrative: "Two sittings now; school holiday meals for families." },
      { rag: "AMBER", percent: 40, daysLate: 4, accepted: true, narrative: "Food costs up 18%; we are asking local shops for surplus." },
      { rag: "GREEN", percent: 50, daysLate: 0, accepted: false, narrative: "Surplus food deal agreed; 520 meals this month." },
    ],
  },
  {
    award: "Walk and talk groups",
    lead: "jim.mcallister@johnstone-walks.example",
    team: ["priya.nair@nhs-ggc.example"],
    frequency: "MONTHLY",
    startedDaysAgo: 75,
    months: 6,
    status: "ACTIVE",
    measures: [{ name: "Regular walkers", unit: "people", kind: "NUMBER", baseline: 8, target: 50 }],
    budget: [
      { item: "Walk leader training", percent: 40 },
      { item: "Publicity and transport", percent: 60 },
    ],
    updates: [],
  },
  {
    award: "Community cooking on a budget",
    lead: "aisha.rahman@ferguslie-larder.example",
    team: ["claire.devlin@nhs-ggc.example"],
    frequency: "QUARTERLY",
    startedDaysAgo: 40,
    months: 9,
    status: "ACTIVE",
    measures: [{ name: "People completing the course", unit: "people", kind: "NUMBER", baseline: 0, target: 90 }],
    budget: [
      { item: "Cookery tutor", percent: 50 },
      { item: "Ingredients and kit", percent: 50 },
    ],
    updates: [],
  },
  {
    award: "Active Johnstone",
    lead: "mhairi.gillespie@active-communities.example",
    team: ["euan.stewart@renfrewshire-council.example"],
    frequency: "MONTHLY",
    startedDaysAgo: 250,
    months: 12,
    status: "ACTIVE",
    measures: [
      { name: "Inactive adults now active weekly", unit: "people", kind: "NUMBER", baseline: 0, target: 150 },
    ],
    budget: [
      { item: "Activity sessions", percent: 70 },
      { item: "Outreach worker", percent: 30 },
    ],
    updates: [
      { rag: "GREEN", percent: 8, daysLate: 0, accepted: true, narrative: "Chair-based exercise and walking football started." },
      { rag: "GREEN", percent: 16, daysLate: -3, accepted: true, narrative: "GPs refer through the link worker; 34 people active." },
      { rag: "AMBER", percent: 24, daysLate: 15, accepted: true, narrative: "Hall closed for repairs for a month; sessions moved outdoors." },
      { rag: "GREEN", percent: 33, daysLate: 0, accepted: true, narrative: "Back in the hall; 61 people active weekly." },
      { rag: "RED", percent: 40, daysLate: 8, accepted: true, narrative: "Outreach worker left; referrals dropped sharply." },
      { rag: "AMBER", percent: 48, daysLate: 2, accepted: true, narrative: "New outreach worker starts next month; volunteers covering." },
    ],
  },
];
