import type { Prisma } from "../../server/db/generated/client";
import type { LibraryVisibility } from "../../server/db/generated/enums";

type Tx = Prisma.TransactionClient;

const DAY = 24 * 3600 * 1000;

type DemoResource = {
  title: string;
  description: string;
  url: string;
  tags: string[];
  visibility: LibraryVisibility;
  addedBy: string;
  addedDaysAgo: number;
};

/** A top-level folder, optionally with folders inside it (two levels, as the library allows). */
type DemoFolder = { name: string; resources: DemoResource[]; folders?: { name: string; resources: DemoResource[] }[] };

type DemoLibrary = { partnership: string; folders: DemoFolder[]; loose: DemoResource[] };

const LEEDS_OFFICER = "rachel.green@forum-central.example";
const LEEDS_LEAD = "sam.okafor@lch.example";
const RENFREWSHIRE_OFFICER = "fiona.macleod@renfrewshire-hscp.example";
const RENFREWSHIRE_MEMBER = "sandra.kerr@engage-renfrewshire.example";

/** Each demo partnership's library: what a Local Care Partnership or an SPG signposts. */
export const DEMO_LIBRARIES: DemoLibrary[] = [
  {
    partnership: "leeds-lcps",
    folders: [
      {
        name: "Working with the LCPs",
        resources: [
          {
            title: "List of practices that work with the LCP",
            description: "The GP practices in each Local Care Partnership, with the neighbourhood each one serves. Updated when a practice joins.",
            url: "https://lcps.example.org/practices-that-work-with-the-lcp",
            tags: ["gp practices", "lcp"],
            visibility: "PUBLIC",
            addedBy: LEEDS_OFFICER,
            addedDaysAgo: 60,
          },
          {
            title: "LCP terms of reference",
            description: "How the partnership makes decisions, who sits on it and how often it meets.",
            url: "https://lcps.example.org/members/terms-of-reference",
            tags: ["governance", "lcp"],
            visibility: "MEMBERS",
            addedBy: LEEDS_LEAD,
            addedDaysAgo: 90,
          },
        ],
      },
      {
        name: "Events",
        resources: [],
        folders: [
          {
            name: "Flyers",
            resources: [
              {
                title: "Networking breakfast flyer",
                description: "The flyer for the next quarterly networking breakfast: speakers, speed networking and where to find the venue. Please share it with your networks.",
                url: "https://lcps.example.org/events/networking-breakfast-flyer",
                tags: ["events", "flyer"],
                visibility: "PUBLIC",
                addedBy: LEEDS_OFFICER,
                addedDaysAgo: 12,
              },
            ],
          },
        ],
      },
    ],
    loose: [
      {
        title: "Leeds Health and Wellbeing Strategy 2023 to 2030",
        description: "The city's strategy for health and wellbeing, which the LCPs' priorities follow.",
        url: "https://www.example.org/leeds/health-and-wellbeing-strategy-2023-2030",
        tags: ["strategy"],
        visibility: "PUBLIC",
        addedBy: LEEDS_LEAD,
        addedDaysAgo: 120,
      },
    ],
  },
  {
    partnership: "renfrewshire-spg",
    folders: [
      {
        name: "Plans and strategies",
        resources: [
          {
            title: "Renfrewshire HSCP Strategic Plan 2022 to 2025",
            description: "The Health and Social Care Partnership's plan, including the priorities the SPG's sub-groups work on.",
            url: "https://www.example.org/renfrewshire-hscp/strategic-plan-2022-2025",
            tags: ["strategy", "planning"],
            visibility: "PUBLIC",
            addedBy: RENFREWSHIRE_OFFICER,
            addedDaysAgo: 150,
          },
        ],
      },
      {
        name: "Referrals and signposting",
        resources: [
          {
            title: "Community Link Worker referral guide",
            description: "Who the Community Link Workers in GP practices can help, how to refer someone and what happens next.",
            url: "https://www.example.org/renfrewshire-hscp/community-link-worker-referral-guide",
            tags: ["referrals", "community link workers"],
            visibility: "MEMBERS",
            addedBy: RENFREWSHIRE_MEMBER,
            addedDaysAgo: 40,
          },
        ],
        folders: [
          {
            name: "Safeguarding",
            resources: [
              {
                title: "Safeguarding contacts",
                description: "Who to call about a concern for an adult or a child in Renfrewshire, in and out of hours.",
                url: "https://www.example.org/renfrewshire/safeguarding-contacts",
                tags: ["safeguarding", "adult support and protection"],
                visibility: "MEMBERS",
                addedBy: RENFREWSHIRE_OFFICER,
                addedDaysAgo: 75,
              },
            ],
          },
        ],
      },
    ],
    loose: [],
  },
];

export async function seedDemoLibrary(
  tx: Tx,
  lookups: { partnershipIds: Map<string, string>; userId: (email: string) => string; now: Date },
) {
  const at = (daysAgo: number) => new Date(lookups.now.getTime() - daysAgo * DAY);
  for (const library of DEMO_LIBRARIES) {
    const partnershipId = lookups.partnershipIds.get(library.partnership);
    if (!partnershipId) throw new Error(`The demo library needs the ${library.partnership} partnership`);
    const add = (resources: DemoResource[], folderId: string | null) =>
      tx.libraryResource.createMany({
        data: resources.map((resource) => ({
          partnershipId,
          folderId,
          kind: "LINK" as const,
          title: resource.title,
          description: resource.description,
          url: resource.url,
          tags: resource.tags,
          visibility: resource.visibility,
          addedById: lookups.userId(resource.addedBy),
          createdAt: at(resource.addedDaysAgo),
        })),
      });
    for (const folder of library.folders) {
      const top = await tx.libraryFolder.create({ data: { partnershipId, name: folder.name }, select: { id: true } });
      await add(folder.resources, top.id);
      for (const inner of folder.folders ?? []) {
        const child = await tx.libraryFolder.create({ data: { partnershipId, parentId: top.id, name: inner.name }, select: { id: true } });
        await add(inner.resources, child.id);
      }
    }
    await add(library.loose, null);
  }
}
