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
        body: "We use the Carer Wellbeing Scale. Happy to share the template and our 2020 baseline.",
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
  name: "Non-recurring partnership fund 2020/21",
  source: "Renfrewshire Health and Social Care Partnership",
  financialYear: "2020/21",
  totalPence: 10_000_000,
  round: {
    title: "Test and learn round 2020",
    guidance: "Collaborative proposals from sub-groups to test responses to the partnership's priorities, with a view to becoming self-sustaining and scaled up if they work well.",
    eligibility: "Proposals developed within a sub-group, with at least one voluntary-sector and one public-sector partner.",
    criteria: [
      { name: "Cross-sector partnership", weight: 30 },
      { name: "Clear test and measures of success", weight: 30 },
      { name: "Reach into communities with greatest need", weight: 20 },
      { name: "Route to sustainability or scale", weight: 20 },
    ],
    opensAt: new Date("2020-08-03T09:00:00Z"),
    closesAt: new Date("2020-09-30T17:00:00Z"),
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
