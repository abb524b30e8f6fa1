import type { InstallationDetails } from "@/server/domain/statements/installation";

/** The organisation that runs this site, as a sentence subject ("Renfrewshire HSCP", or a plain description when not configured). */
export function operatorLabel(details: Pick<InstallationDetails, "operatorName">): string {
  return details.operatorName ?? "The organisation that runs this site";
}

/** How to reach the operator: their email when configured, otherwise the person's partnership officer. */
export function OperatorContact({ details }: { details: Pick<InstallationDetails, "operatorEmail"> }) {
  if (details.operatorEmail) {
    return (
      <a href={`mailto:${details.operatorEmail}`} className="font-semibold">
        {details.operatorEmail}
      </a>
    );
  }
  return <>your partnership officer (their name is on your partnership&apos;s page), who will pass it on</>;
}

/** Said where the installation has not named itself yet, so readers know why a name is missing. */
export function NotConfiguredNote({ details }: { details: Pick<InstallationDetails, "operatorName" | "demo"> }) {
  if (details.operatorName) return null;
  return (
    <p className="mb-6 max-w-prose rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
      {details.demo
        ? "This is a demonstration site: the organisation running a real Tandem site names itself here, with its contact details."
        : "The organisation running this site has not yet added its name and contact details here. Ask your partnership officer who runs it."}
    </p>
  );
}
