import type { Prisma } from "../../server/db/generated/client";
import type { StoryModerationAction, StoryStatus, StoryTheme } from "../../server/db/generated/enums";

type Tx = Prisma.TransactionClient;

const DAY = 24 * 3600 * 1000;
const PARTNERSHIP = "renfrewshire-spg";
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";

type DemoStory = {
  author: string;
  title: string;
  summary: string;
  body: string;
  themes: StoryTheme[];
  status: StoryStatus;
  isPublic: boolean;
  /** Organisation names, as in demo-data.ts. */
  organisations: string[];
  /** Funded project names, linked when the project has been set up. */
  projects: string[];
  /** How long ago it was written; submitted and moderated a few days later. */
  writtenDaysAgo: number;
  returnNote?: string;
  comments?: { author: string; body: string; daysAgo: number }[];
};

const DEMO_STORIES: DemoStory[] = [
  {
    author: "lorna.shaw@renfrewshire-carers.example",
    title: "Short breaks that fit around caring",
    summary:
      "Carers told us a fixed respite week did not fit their lives. With the HSCP we tested breaks carers choose and book themselves.",
    body: [
      "For years a short break meant one fixed week, booked months ahead. Carers kept telling us it did not fit: a parent caring for a son with complex needs cannot plan around a brochure.",
      "# What we changed",
      "Through the Strategic Planning Group, the Carers Centre and the HSCP's carers team sat down together and agreed to **test something different**: a small budget each carer can spend on the break that works for them, booked in days rather than months.",
      "- A swim and a coffee every Tuesday morning",
      "- A night away at a sister's in Largs",
      "- A cover worker so a dad could go to his daughter's graduation",
      "# What we learned",
      "The money was the easy part. The hard part was trusting each other's judgement across two organisations: our support workers now approve a break on the same call, and the HSCP team sees the same record we do.",
      "> \"It's the first time anyone asked me what a break looks like for me.\" — a carer in Paisley",
    ].join("\n\n"),
    themes: ["RAPID_ADAPTATION", "INTER_ORGANISATIONAL_COLLABORATION"],
    status: "PUBLISHED",
    isPublic: true,
    organisations: ["Renfrewshire Carers Centre", "Renfrewshire Health and Social Care Partnership"],
    projects: ["Flexible short breaks for carers"],
    writtenDaysAgo: 45,
    comments: [
      {
        author: "priya.nair@nhs-ggc.example",
        body: "Lovely to read. Could the same quick approval work for carers referred through the GP practices?",
        daysAgo: 30,
      },
      {
        author: "kenny.doyle@ramh.example",
        body: "We see a lot of carers at the wellbeing cafés who have never heard of this. Happy to hand out leaflets.",
        daysAgo: 28,
      },
    ],
  },
  {
    author: "kenny.doyle@ramh.example",
    title: "A wellbeing café built by two sectors",
    summary: "RAMH and NHS health improvement staff run a weekly drop-in together: no referral, no waiting list, just a cup of tea and someone to talk to.",
    body: [
      "When the first lockdown lifted, people who had been on their own for months were not ready for a clinic, but they would come for a cup of tea.",
      "RAMH brought the venue and the peer workers; the NHS health improvement team brought the link to services and a budget for the tea and toast. Neither of us could have done it alone.",
      "# Kindness across the system",
      "The café works because nobody asks which service you belong to. A community nurse pops in on a Thursday; a housing officer has started coming too.",
      "Forty-two people came in the first quarter. Eleven have since joined a peer support group.",
    ].join("\n\n"),
    themes: ["CROSS_SYSTEM_KINDNESS", "INTER_ORGANISATIONAL_COLLABORATION"],
    status: "PUBLISHED",
    isPublic: true,
    organisations: ["RAMH (Recovery Across Mental Health)", "NHS Greater Glasgow and Clyde"],
    projects: ["Wellbeing cafés in Paisley"],
    writtenDaysAgo: 30,
    comments: [
      {
        author: "lorna.shaw@renfrewshire-carers.example",
        body: "Could we bring a carers' table once a month? Several of our carers would love this.",
        daysAgo: 20,
      },
    ],
  },
  {
    author: "priya.nair@nhs-ggc.example",
    title: "Plain-English leaflets, written with the people who use them",
    summary: "Health information rewritten with the larder's volunteers, in six languages and easy read.",
    body: [
      "Our leaflets on free health checks were accurate and nobody read them.",
      "Volunteers at the Ferguslie Community Larder offered to help. Over three Saturday mornings we rewrote them together, tested them on people in the queue, and had them translated into six languages by community members rather than an agency.",
      "# Joined-up information",
      "The same sheet is now used by the larder, the pharmacy and the GP practice, so people hear one message wherever they go.",
    ].join("\n\n"),
    themes: ["CREATIVE_ACCESSIBLE_COMMUNICATION", "JOINED_UP_INFORMATION"],
    status: "PUBLISHED",
    isPublic: false,
    organisations: ["NHS Greater Glasgow and Clyde", "Ferguslie Community Larder"],
    projects: [],
    writtenDaysAgo: 20,
    comments: [
      {
        author: "aisha.rahman@ferguslie-larder.example",
        body: "Our volunteers were so proud to see their words on the pharmacy counter. Thank you for asking us.",
        daysAgo: 12,
      },
    ],
  },
  {
    author: "aisha.rahman@ferguslie-larder.example",
    title: "Community meals where nobody eats alone",
    summary: "A Friday meal at the larder, cooked by volunteers and shared by neighbours, with a GP link worker at the next table.",
    body: [
      "Every Friday, thirty people sit down together for a hot meal at the larder.",
      "The council lent us tables and a kitchen licence; the link worker from the GP practice joins us once a month, so a conversation over soup can become a referral the same day.",
      "Nobody is a client here. Everyone is a neighbour.",
    ].join("\n\n"),
    themes: ["CROSS_SYSTEM_KINDNESS", "CITYWIDE_RESPONSE"],
    status: "SUBMITTED",
    isPublic: true,
    organisations: ["Ferguslie Community Larder", "Renfrewshire Council"],
    projects: ["Ferguslie community meals"],
    writtenDaysAgo: 4,
  },
  {
    author: "jim.mcallister@johnstone-walks.example",
    title: "Walk and talk",
    summary: "",
    body: [
      "We walk every Wednesday from the town hall. Since the community nurses started joining us, people who would never go to a clinic ask about their blood pressure on the way round the loch.",
      "It started with three of us. There are now twenty on a good day.",
    ].join("\n\n"),
    themes: ["CROSS_SYSTEM_KINDNESS"],
    status: "RETURNED",
    isPublic: false,
    organisations: [],
    projects: [],
    writtenDaysAgo: 10,
    returnNote:
      "Thank you, Jim, this is a lovely start. Could you add a sentence or two on how the nurses and the walk leaders arranged it, and name the organisations involved so readers can get in touch?",
  },
  {
    author: "priya.nair@nhs-ggc.example",
    title: "Health checks at the pharmacy counter (draft)",
    summary: "",
    body: "Notes so far: the pharmacy team offered frailty checks while people waited for prescriptions. Need figures from Gordon.",
    themes: ["RAPID_ADAPTATION"],
    status: "DRAFT",
    isPublic: false,
    organisations: ["Clyde Valley Community Pharmacies Ltd"],
    projects: [],
    writtenDaysAgo: 2,
  },
];

/** The lines a story's moderation record holds to reach its status (the officer moderates). */
function moderationLines(story: DemoStory): { action: StoryModerationAction; byOfficer: boolean; note: string | null; afterDays: number }[] {
  switch (story.status) {
    case "SUBMITTED":
      return [{ action: "SUBMITTED", byOfficer: false, note: null, afterDays: 1 }];
    case "RETURNED":
      return [
        { action: "SUBMITTED", byOfficer: false, note: null, afterDays: 1 },
        { action: "RETURNED", byOfficer: true, note: story.returnNote ?? null, afterDays: 3 },
      ];
    case "PUBLISHED":
      return [
        { action: "SUBMITTED", byOfficer: false, note: null, afterDays: 1 },
        { action: "PUBLISHED", byOfficer: true, note: "Thank you for sharing this.", afterDays: 2 },
      ];
    default:
      return [];
  }
}

/**
 * Demo stories in the Renfrewshire partnership: three published (two of them public, should
 * the partnership publish its page), one waiting for the officer, one returned with a note,
 * one draft; comments on the published ones; linked to demo organisations and projects.
 */
export async function seedDemoStories(
  tx: Tx,
  lookups: { partnershipIds: Map<string, string>; userId: (email: string) => string; now: Date },
) {
  const partnershipId = lookups.partnershipIds.get(PARTNERSHIP);
  if (!partnershipId) throw new Error(`Demo stories need the ${PARTNERSHIP} partnership`);
  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true } });
  const officerId = lookups.userId(OFFICER);
  const at = (daysAgo: number) => new Date(lookups.now.getTime() - daysAgo * DAY);

  const organisations = new Map(
    (
      await tx.partnershipOrganisation.findMany({
        where: { partnershipId },
        select: { organisation: { select: { id: true, name: true } } },
      })
    ).map(({ organisation }) => [organisation.name, organisation.id]),
  );
  const projects = new Map(
    (await tx.fundedProject.findMany({ where: { partnershipId }, select: { id: true, name: true } })).map((project) => [
      project.name,
      project.id,
    ]),
  );

  for (const demo of DEMO_STORIES) {
    const authorId = lookups.userId(demo.author);
    const lines = moderationLines(demo);
    const submitted = lines.find((line) => line.action === "SUBMITTED");
    const published = lines.find((line) => line.action === "PUBLISHED");
    const story = await tx.story.create({
      data: {
        partnershipId,
        authorId,
        title: demo.title,
        summary: demo.summary,
        body: demo.body,
        themes: demo.themes,
        status: demo.status,
        isPublic: demo.isPublic,
        returnNote: demo.returnNote ?? null,
        submittedAt: submitted ? at(demo.writtenDaysAgo - submitted.afterDays) : null,
        publishedAt: published ? at(demo.writtenDaysAgo - published.afterDays) : null,
        createdAt: at(demo.writtenDaysAgo),
        organisations: {
          create: demo.organisations.flatMap((name) => {
            const organisationId = organisations.get(name);
            return organisationId ? [{ organisationId }] : [];
          }),
        },
        projects: {
          create: demo.projects.flatMap((name) => {
            const projectId = projects.get(name);
            return projectId ? [{ projectId }] : [];
          }),
        },
      },
      select: { id: true },
    });
    for (const line of lines) {
      await tx.storyModeration.create({
        data: {
          storyId: story.id,
          actorId: line.byOfficer ? officerId : authorId,
          action: line.action,
          note: line.note,
          createdAt: at(demo.writtenDaysAgo - line.afterDays),
        },
      });
    }
    for (const comment of demo.comments ?? []) {
      await tx.storyComment.create({
        data: { storyId: story.id, authorId: lookups.userId(comment.author), body: comment.body, createdAt: at(comment.daysAgo) },
      });
    }

    const link = `/p/${partnership.slug}/stories/${story.id}`;
    if (demo.status === "SUBMITTED") {
      const author = await tx.user.findUniqueOrThrow({ where: { id: authorId }, select: { name: true } });
      await tx.notification.create({
        data: {
          userId: officerId,
          partnershipId,
          kind: "STORY_SUBMITTED",
          title: `${author.name ?? "A member"} submitted a story for publishing: “${demo.title}”`,
          body: "Read it, then publish it or return it with a note.",
          linkPath: link,
          createdAt: at(demo.writtenDaysAgo - 1),
        },
      });
    }
    if (demo.status === "RETURNED") {
      await tx.notification.create({
        data: {
          userId: authorId,
          partnershipId,
          kind: "STORY_MODERATED",
          title: `Your story “${demo.title}” has been returned to you for changes`,
          body: demo.returnNote ?? null,
          linkPath: link,
          createdAt: at(demo.writtenDaysAgo - 3),
        },
      });
    }
  }
}
