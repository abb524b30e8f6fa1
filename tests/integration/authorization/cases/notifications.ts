import { SIGNED_IN, type AuthorizationCases } from "../case";

/** Everyone signed in has their own notifications; these procedures only ever touch the actor's. */
export const notificationsCases: AuthorizationCases = {
  "notification.list": { input: () => ({ unreadOnly: false }), allow: SIGNED_IN },
  "notification.unreadCount": { allow: SIGNED_IN },
  /*
   * The policy row is `signedIn`: every signed-in persona passes the policy. But the
   * fixture's notification belongs to `member`, and for anyone else it behaves exactly
   * like a notification that does not exist (NOT_FOUND, nothing written), which the
   * matrix counts as denied. So the observed, correct outcome is: only its owner.
   */
  "notification.markRead": { input: (f) => ({ notificationId: f.notification.id }), allow: ["member"] },
  "notification.markAllRead": { allow: SIGNED_IN },
};
