/** Why an OpenID Connect sign-in was refused: the `error` of /signin/error?error=<code>. */
export type OidcSignInRefusal = "OidcEmailNotVerified" | "OidcTenantNotAllowed" | "OidcIssuerNotAllowed";

/** What the sign-in error page says for each code (next-auth's own codes and Tandem's). */
export const SIGN_IN_ERROR_MESSAGES: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Ask for a new one.",
  EmailSignin: "We could not send the sign-in email. Please try again in a moment.",
  OAuthSignin: "We could not reach your organisation's sign-in service. Please try again.",
  OAuthCallback: "Your organisation's sign-in service did not complete the sign-in. Please try again.",
  OAuthAccountNotLinked: "That email address already signs in another way. Use the email link instead.",
  AccessDenied: "You do not have access to sign in.",
  Configuration: "Sign-in is not set up correctly on this installation. Please tell the administrator.",
  OidcEmailNotVerified:
    "Your organisation's account did not confirm your email address, so it cannot be linked to your Tandem account. " +
    "Sign in with an email link instead, or ask your IT team to make your organisation's sign-in confirm email addresses.",
  OidcTenantNotAllowed:
    "Your organisation's accounts are not set up to sign in to this Tandem installation. " +
    "Sign in with an email link instead, or ask the Tandem administrator to add your organisation.",
  OidcIssuerNotAllowed:
    "That sign-in came from a service this Tandem installation does not trust. " +
    "Sign in with an email link instead, or tell the Tandem administrator.",
};

export function signInErrorMessage(code: string): string {
  return (Object.hasOwn(SIGN_IN_ERROR_MESSAGES, code) && SIGN_IN_ERROR_MESSAGES[code]) || "Please try signing in again.";
}

/** Where a refused sign-in is sent (the sign-in error page shows the message). */
export function signInErrorPath(code: string): string {
  return `/signin/error?error=${encodeURIComponent(code)}`;
}
