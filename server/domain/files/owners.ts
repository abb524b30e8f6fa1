import type { Database } from "@/server/db/client";
import type { FileOwnerKind } from "@/server/db/generated/enums";
import type { Action, ScopeKey } from "@/server/auth/rules";

/**
 * Everything a file may be attached to, one row per kind. Attaching files to something new
 * is one value in the FileOwnerKind enum and one row here:
 *
 * - `via`: the scope key whose resolver reads the actor's part in the owner (resolve.ts);
 * - `read`: the rule that lets someone see the owner, which then also lets them download its
 *   files (anyone else is told the file does not exist);
 * - `attach`: the rule that lets someone upload to it (a refinement row in rules.ts);
 * - `locate`: the owner's partnership; whether it is public (then anyone may download its
 *   files, signed in or not); whether it takes uploads now (a draft, an open evaluation);
 *   and the named documents it asks for (a round's required documents).
 */
export type FileOwnerState = {
  partnershipId: string;
  isPublic: boolean;
  acceptsUploads: boolean;
  /** Why not, when it does not: "This proposal has been submitted, so its files cannot change." */
  closedReason: string;
  slots: readonly string[];
  /** It holds one file at most (a library document): later uploads are new versions of it. */
  singleFile?: boolean;
};

export type FileOwner = {
  via: ScopeKey;
  read: Action;
  attach: Action;
  /** "the proposal": used in messages. */
  noun: string;
  locate: (db: Database, ownerId: string) => Promise<FileOwnerState | null>;
};

export const FILE_OWNERS: Record<FileOwnerKind, FileOwner> = {
  PROPOSAL: {
    via: "proposalId",
    read: "proposal.get",
    attach: "file.attachToProposal",
    noun: "proposal",
    locate: async (db, id) => {
      const proposal = await db.proposal.findUnique({
        where: { id },
        select: { partnershipId: true, status: true, round: { select: { requiredDocuments: true } } },
      });
      return (
        proposal && {
          partnershipId: proposal.partnershipId,
          isPublic: false,
          acceptsUploads: proposal.status === "DRAFT",
          closedReason: "Files can be added or removed only while the proposal is a draft.",
          slots: proposal.round?.requiredDocuments ?? [],
        }
      );
    },
  },
  PROGRESS_UPDATE: {
    via: "updateId",
    read: "project.get",
    attach: "file.attachToUpdate",
    noun: "progress update",
    locate: async (db, id) => {
      const update = await db.progressUpdate.findUnique({ where: { id }, select: { status: true, project: { select: { partnershipId: true } } } });
      return (
        update && {
          partnershipId: update.project.partnershipId,
          isPublic: false,
          acceptsUploads: update.status === "DRAFT" || update.status === "RETURNED",
          closedReason: "Evidence can be added only while the update is a draft or has been returned for changes.",
          slots: [],
        }
      );
    },
  },
  EVALUATION: {
    via: "projectId",
    read: "project.get",
    attach: "file.attachToEvaluation",
    noun: "evaluation",
    locate: async (db, id) => {
      const project = await db.fundedProject.findUnique({ where: { id }, select: { partnershipId: true, status: true, evaluation: { select: { id: true } } } });
      return (
        project && {
          partnershipId: project.partnershipId,
          isPublic: false,
          acceptsUploads: project.status !== "DECIDED" && !project.evaluation,
          closedReason: "Evidence can be added only until the evaluation is submitted.",
          slots: [],
        }
      );
    },
  },
  STORY: {
    via: "storyId",
    read: "story.get",
    attach: "file.attachToStory",
    noun: "story",
    locate: async (db, id) => {
      const story = await db.story.findUnique({
        where: { id },
        select: { partnershipId: true, status: true, isPublic: true, partnership: { select: { publishesPortfolio: true } } },
      });
      return (
        story && {
          partnershipId: story.partnershipId,
          // On the public page only when published, made public by its author, and the partnership publishes.
          isPublic: story.status === "PUBLISHED" && story.isPublic && story.partnership.publishesPortfolio,
          acceptsUploads: story.status === "DRAFT" || story.status === "RETURNED",
          closedReason: "Images can be changed only while the story is a draft or has been returned to you.",
          slots: [],
        }
      );
    },
  },
  LIBRARY_RESOURCE: {
    via: "libraryResourceId",
    read: "library.get",
    attach: "file.attachToLibraryResource",
    noun: "library document",
    locate: async (db, id) => {
      const resource = await db.libraryResource.findUnique({
        where: { id },
        select: { partnershipId: true, kind: true, visibility: true, partnership: { select: { publishesPortfolio: true } } },
      });
      return (
        resource && {
          partnershipId: resource.partnershipId,
          // As the library's public list decides: marked public, and the partnership publishes its page.
          isPublic: resource.visibility === "PUBLIC" && resource.partnership.publishesPortfolio,
          acceptsUploads: resource.kind === "DOCUMENT",
          closedReason: "Only a document in the library holds a file; a link points to another website.",
          slots: [],
          singleFile: true,
        }
      );
    },
  },
  SUB_GROUP: {
    via: "subGroupId",
    read: "file.readSubGroup",
    attach: "file.attachToSubGroup",
    noun: "sub-group's shared folder",
    locate: async (db, id) => {
      const group = await db.subGroup.findUnique({ where: { id }, select: { partnershipId: true, archivedAt: true } });
      return (
        group && {
          partnershipId: group.partnershipId,
          isPublic: false,
          acceptsUploads: group.archivedAt === null,
          closedReason: "This sub-group is archived, so its shared folder keeps the files it has but takes no new ones.",
          slots: [],
        }
      );
    },
  },
  EVENT: {
    via: "eventId",
    read: "event.get",
    attach: "file.attachToEvent",
    noun: "event",
    locate: async (db, id) => {
      const event = await db.event.findUnique({ where: { id }, select: { partnershipId: true, status: true } });
      return (
        event && {
          partnershipId: event.partnershipId,
          // Events are for the partnership's members: the public page lists none, so neither are their files public.
          isPublic: false,
          // Slides go up after the event too; a cancelled event takes no more.
          acceptsUploads: event.status !== "CANCELLED",
          closedReason: "This event has been cancelled, so no more files can be added to it.",
          slots: [],
        }
      );
    },
  },
  THREAD: {
    via: "threadId",
    read: "discussion.thread",
    attach: "file.attachToThread",
    noun: "discussion",
    locate: async (db, id) => {
      const thread = await db.thread.findUnique({ where: { id }, select: { subGroup: { select: { partnershipId: true, archivedAt: true } } } });
      return (
        thread && {
          partnershipId: thread.subGroup.partnershipId,
          isPublic: false,
          // Open while its sub-group is: an archived sub-group's conversations are a record.
          acceptsUploads: thread.subGroup.archivedAt === null,
          closedReason: "This sub-group has been archived, so its discussions take no more files.",
          slots: [],
        }
      );
    },
  },
};
