import type { Metadata } from "next";
import Link from "next/link";
import { folderChoices } from "@/components/library/library-labels";
import { LinkForm } from "@/components/library/link-form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { loadLibrary } from "@/server/pages/library";

export const metadata: Metadata = { title: "Add a link to the library" };
export const dynamic = "force-dynamic";

/** A member shares a link with the partnership; officers and chairs may also put it on the public page. */
export default async function NewLibraryLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ folder?: string | string[] }>;
}) {
  const { slug } = await params;
  const { folder } = await searchParams;
  const startIn = typeof folder === "string" ? folder : undefined;
  const view = await loadLibrary(slug, {}, paths.newLibraryLink(slug, startIn));
  const folders = folderChoices(view.folders);
  if (!view.viewer.canAddLinks) {
    return (
      <>
        <PageHeader title="Add a link to the library" />
        <p className="max-w-prose">
          Observers read the partnership&rsquo;s library; members share links in it. Ask an officer if you would like to take part.
        </p>
        <p className="mt-4">
          <Link href={paths.library(slug)}>Back to the library</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Add a link to the library"
        lead="A web page or document online that the partnership would find useful: a guide, a plan, a flyer, a contacts page."
      >
        <p className="mt-3">
          <Link href={paths.library(slug)}>Back to the library</Link>
        </p>
      </PageHeader>
      <LinkForm
        slug={slug}
        folders={folders}
        canPublish={view.viewer.canPublish}
        publishesPortfolio={view.partnership.publishesPortfolio}
        startInFolder={folders.some((choice) => choice.id === startIn) ? startIn : undefined}
      />
    </>
  );
}
