import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { folderChoices } from "@/components/library/library-labels";
import { ResourceForm } from "@/components/library/resource-form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { getEnv } from "@/server/env";
import { loadLibrary } from "@/server/pages/library";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ folder?: string | string[]; kind?: string | string[] }> };

const isDocument = (kind: string | string[] | undefined) => kind === "document";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { kind } = await searchParams;
  return { title: isDocument(kind) ? "Add a document to the library" : "Add a link to the library" };
}

/** A member shares a link or a document with the partnership; officers and chairs may also put it on the public page. */
export default async function NewLibraryResourcePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { folder, kind } = await searchParams;
  const document = isDocument(kind);
  const startIn = typeof folder === "string" ? folder : undefined;
  const here = document ? paths.newLibraryDocument(slug, startIn) : paths.newLibraryLink(slug, startIn);
  const view = await loadLibrary(slug, {}, here);
  const folders = folderChoices(view.folders);
  const title = document ? "Add a document to the library" : "Add a link to the library";
  if (!(document ? view.viewer.canAddDocuments : view.viewer.canAddLinks)) {
    return (
      <>
        <PageHeader title={title} />
        <p className="max-w-prose">
          Observers read the partnership&rsquo;s library; members share links and documents in it. Ask an officer if you would like to take part.
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
        title={title}
        lead={
          document
            ? "A file the partnership would find useful, such as a guide, a plan, a flyer or a list of contacts, kept in Tandem."
            : "A web page or document online that the partnership would find useful: a guide, a plan, a flyer, a contacts page."
        }
      >
        <p className="mt-3">
          <Link href={paths.library(slug)}>Back to the library</Link>
        </p>
      </PageHeader>
      <ResourceForm
        kind={document ? "DOCUMENT" : "LINK"}
        maxBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
        slug={slug}
        folders={folders}
        canPublish={view.viewer.canPublish}
        publishesPortfolio={view.partnership.publishesPortfolio}
        startInFolder={folders.some((choice) => choice.id === startIn) ? startIn : undefined}
      />
    </>
  );
}
