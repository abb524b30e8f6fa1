/** Where event pages live (notification links point here). */
export const eventsPath = (partnershipSlug: string) => `/p/${partnershipSlug}/events`;
export const eventPath = (partnershipSlug: string, eventId: string) => `/p/${partnershipSlug}/events/${eventId}`;
export const eventCalendarPath = (partnershipSlug: string, eventId: string) =>
  `/p/${partnershipSlug}/events/${eventId}/calendar.ics`;
export const connectionsPath = (partnershipSlug: string) => `/p/${partnershipSlug}/connections`;
