import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";

/** Shown instead of the conversations to partnership members who are not in the sub-group. */
export function JoinToTakePart({ slug, groupId }: { slug: string; groupId: string }) {
  return (
    <>
      <PageHeader title="Conversations" lead="Join this sub-group to take part in its conversations." />
      <p className="max-w-prose text-slate-700">
        A sub-group&apos;s conversations, notes and activity are open to its members and leads, and to the
        partnership&apos;s officers and chairs.
      </p>
      <p className="mt-4">
        <Link href={paths.subGroup(slug, groupId)}>Go to the sub-group&apos;s page to ask to join</Link>
      </p>
    </>
  );
}
