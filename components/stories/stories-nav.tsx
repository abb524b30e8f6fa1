import { Link } from "@/components/ui/link";
import { paths } from "@/lib/paths";
import { ButtonLink } from "@/components/ui/button";
import type { PartnershipViewer } from "@/server/domain/partnerships/viewer";

type Section = "published" | "mine" | "moderation" | "new";

/** The stories area's own links: what is published, the viewer's stories, the officers' queue, and writing one. */
export function StoriesNav({
  slug,
  viewer,
  current,
}: {
  slug: string;
  viewer: Pick<PartnershipViewer, "canWriteStories" | "canModerateStories">;
  current: Section;
}) {
  const links: { key: Section; href: string; label: string }[] = [{ key: "published", href: paths.stories(slug), label: "Published stories" }];
  if (viewer.canWriteStories) links.push({ key: "mine", href: paths.myStories(slug), label: "Your stories" });
  if (viewer.canModerateStories) links.push({ key: "moderation", href: paths.storyModeration(slug), label: "Waiting for moderation" });
  return (
    <div className="mb-8 flex flex-wrap items-center justify-between gap-4">
      <nav aria-label="Stories">
        <ul className="flex flex-wrap gap-x-4 gap-y-2">
          {links.map((link) => (
            <li key={link.key}>
              <Link
                href={link.href}
                aria-current={current === link.key ? "page" : undefined}
                className={current === link.key ? "font-semibold text-slate-900 no-underline" : undefined}
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {viewer.canWriteStories && current !== "new" ? (
        <ButtonLink href={paths.newStory(slug)}>Write a story</ButtonLink>
      ) : null}
    </div>
  );
}
