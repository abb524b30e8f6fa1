import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { folderChoices } from "@/components/library/library-labels";
import { LinkForm } from "@/components/library/link-form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { loadLibraryResource } from "@/server/pages/library";

export const metadata: Metadata = { title: "Change a library link" };
export const dynamic = "force-dynamic";

/** Whoever shared a link changes, moves or removes it; officers and chairs any link, and those on the public page. */
export default async function EditLibraryResourcePage({ params }: { params: Promise<{ slug: string; resourceId: string }> }) {
  const { slug, resourceId } = await params;
  const { resource, folders, viewer, partnership } = await loadLibraryResource(slug, resourceId, paths.editLibraryResource(slug, resourceId));
  if (resource.kind !== "LINK") notFound();
  const back = paths.library(slug, { folderId: resource.folder?.id });
  if (!resource.canChange) {
    return (
      <>
        <PageHeader title={resource.title} />
        <p className="max-w-prose">
          {resource.visibility === "PUBLIC"
            ? "This link is on the public page, so only officers and chairs change it. Ask one of them if something needs correcting."
            : "Only the person who shared this link, or an officer or chair, can change it."}
        </p>
        <p className="mt-4">
          <Link href={back}>Back to the library</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Change “${resource.title}”`} lead={`Shared by ${resource.addedBy}.`}>
        <p className="mt-3">
          <Link href={back}>Back to the library</Link>
        </p>
      </PageHeader>
      <LinkForm
        slug={slug}
        folders={folderChoices(folders)}
        canPublish={viewer.canPublish}
        publishesPortfolio={partnership.publishesPortfolio}
        resource={{
          id: resource.id,
          draft: {
            title: resource.title,
            url: resource.url ?? "",
            description: resource.description,
            tags: resource.tags.join(", "),
            folderId: resource.folder?.id ?? "",
            visibility: resource.visibility,
          },
        }}
      />
    </>
  );
}
