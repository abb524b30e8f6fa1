import {
  cancelEventInput,
  connectionRefInput,
  createEventInput,
  eventRefInput,
  generateNetworkingInput,
  listEventsInput,
  logConnectionInput,
  markAttendanceInput,
  myConnectionsInput,
  networkingPlanningInput,
  startProposalFromConnectionInput,
  updateEventInput,
} from "@/lib/schemas/events";
import { eventProcedure, partnershipProcedure, router } from "@/server/api/trpc";
import {
  connectionSubGroups,
  logConnection,
  myConnections,
  startProposalFromConnection,
} from "@/server/domain/events/connections";
import { cancelEvent, createEvent, updateEvent } from "@/server/domain/events/events";
import { generateNetworking, mySchedule, networkingPlan, networkingPlanning } from "@/server/domain/events/networking";
import { eventCalendar, getEvent, listEvents } from "@/server/domain/events/queries";
import { cancelRsvp, eventAttendees, markAttendance, rsvpToEvent } from "@/server/domain/events/rsvp";

/**
 * Events, RSVPs, speed networking and "we should talk again" connections. The policy has
 * proved the actor's part: who organises an event (and may see its attendees, mark
 * attendance or plan networking) and who was there are its rows.
 */
export const eventRouter = router({
  list: partnershipProcedure.input(listEventsInput).query(({ ctx, input }) => listEvents(ctx.db, ctx.actor, ctx.membership, input)),
  get: eventProcedure.input(eventRefInput).query(({ ctx }) => getEvent(ctx.db, ctx.grant)),
  calendar: partnershipProcedure.input(eventRefInput).query(({ ctx, input }) => eventCalendar(ctx.db, ctx.membership, input.eventId, new Date(), ctx.siteOrigin)),
  create: partnershipProcedure
    .input(createEventInput)
    .mutation(({ ctx, input }) => createEvent(ctx.db, ctx.actor, ctx.membership, input)),
  update: partnershipProcedure
    .input(updateEventInput)
    .mutation(({ ctx, input }) => updateEvent(ctx.db, ctx.actor, ctx.membership, input)),
  cancel: partnershipProcedure
    .input(cancelEventInput)
    .mutation(({ ctx, input }) => cancelEvent(ctx.db, ctx.actor, ctx.membership, input)),
  rsvp: partnershipProcedure.input(eventRefInput).mutation(({ ctx, input }) => rsvpToEvent(ctx.db, ctx.actor, input.eventId)),
  cancelRsvp: partnershipProcedure.input(eventRefInput).mutation(({ ctx, input }) => cancelRsvp(ctx.db, ctx.actor, input.eventId)),
  attendees: partnershipProcedure
    .input(eventRefInput)
    .query(({ ctx, input }) => eventAttendees(ctx.db, ctx.actor, ctx.membership, input.eventId)),
  markAttendance: partnershipProcedure
    .input(markAttendanceInput)
    .mutation(({ ctx, input }) => markAttendance(ctx.db, ctx.actor, ctx.membership, input)),
  generateNetworking: partnershipProcedure
    .input(generateNetworkingInput)
    .mutation(({ ctx, input }) => generateNetworking(ctx.db, ctx.actor, ctx.membership, input)),
  networking: partnershipProcedure
    .input(eventRefInput)
    .query(({ ctx, input }) => networkingPlan(ctx.db, ctx.actor, ctx.membership, input.eventId)),
  networkingPlanning: partnershipProcedure
    .input(networkingPlanningInput)
    .query(({ ctx, input }) => networkingPlanning(ctx.db, ctx.actor, ctx.membership, input)),
  mySchedule: partnershipProcedure.input(eventRefInput).query(({ ctx, input }) => mySchedule(ctx.db, ctx.actor, input.eventId)),
  logConnection: partnershipProcedure
    .input(logConnectionInput)
    .mutation(({ ctx, input }) => logConnection(ctx.db, ctx.actor, ctx.membership, input)),
  myConnections: partnershipProcedure.input(myConnectionsInput).query(({ ctx }) => myConnections(ctx.db, ctx.grant)),
  connectionSubGroups: partnershipProcedure
    .input(connectionRefInput)
    .query(({ ctx, input }) => connectionSubGroups(ctx.db, ctx.actor, input.connectionId)),
  startProposal: partnershipProcedure
    .input(startProposalFromConnectionInput)
    .mutation(({ ctx, input }) => startProposalFromConnection(ctx.db, ctx.actor, ctx.membership, input)),
});
