import { createHash } from "node:crypto";
import sharp from "sharp";
import type { Database } from "../../server/db/client";
import type { Prisma } from "../../server/db/generated/client";
import type { LibraryVisibility } from "../../server/db/generated/enums";
import { THUMBNAIL_PIXELS } from "../../server/domain/files/upload";
import { PostgresFileStore } from "../../server/domain/files/store";

type Tx = Prisma.TransactionClient;

const DAY = 24 * 3600 * 1000;

/**
 * A small, valid PDF of one A4 page with a title and a few lines of text (Helvetica, which
 * every PDF reader has), written by hand with a correct cross-reference table.
 */
export function simplePdf(title: string, lines: readonly string[]): Uint8Array {
  const escape = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`).replace(/[^\x20-\x7e]/g, "-");
  const text = [
    "BT /F1 20 Tf 56 770 Td",
    `(${escape(title)}) Tj`,
    "/F1 12 Tf 0 -36 Td 16 TL",
    ...lines.map((line) => `(${escape(line)}) '`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
    `<< /Title (${escape(title)}) /Producer (Tandem demo data) >>`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}

/** A flyer as a small PNG, drawn by sharp from shapes (no text, so no fonts are needed), and its WebP thumbnail. */
async function flyerPng(colours: { background: string; accent: string }) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="848" viewBox="0 0 600 848">
    <rect width="600" height="848" fill="${colours.background}"/>
    <rect x="40" y="40" width="520" height="120" rx="16" fill="${colours.accent}"/>
    <circle cx="180" cy="420" r="110" fill="#ffffff" opacity="0.9"/>
    <circle cx="400" cy="460" r="90" fill="${colours.accent}" opacity="0.8"/>
    <rect x="40" y="640" width="520" height="24" rx="12" fill="#ffffff"/>
    <rect x="40" y="690" width="380" height="24" rx="12" fill="#ffffff"/>
    <rect x="40" y="740" width="440" height="24" rx="12" fill="#ffffff"/>
  </svg>`;
  const image = await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
  const thumbnail = await sharp(image).resize(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS, { fit: "inside" }).webp({ quality: 70 }).toBuffer();
  return { bytes: new Uint8Array(image), thumbnail: new Uint8Array(thumbnail) };
}

type DemoDocument = {
  partnership: string;
  /** The folder it goes in, by name ("Events › Flyers" for one inside another), or null for the top. */
  folder: string | null;
  title: string;
  description: string;
  tags: string[];
  visibility: LibraryVisibility;
  addedBy: string;
  addedDaysAgo: number;
  file: () => Promise<{ name: string; mimeType: string; bytes: Uint8Array; thumbnail?: Uint8Array }>;
};

const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    partnership: "leeds-lcps",
    folder: "Events › Flyers",
    title: "Carers' café flyer",
    description: "The poster for the monthly carers' café: print it for a noticeboard or a waiting room.",
    tags: ["carers", "events"],
    visibility: "PUBLIC",
    addedBy: "rachel.green@forum-central.example",
    addedDaysAgo: 12,
    file: async () => ({ name: "carers-cafe-flyer.png", mimeType: "image/png", ...(await flyerPng({ background: "#1d4f91", accent: "#f2a900" })) }),
  },
  {
    partnership: "leeds-lcps",
    folder: "Working with the LCPs",
    title: "LCP meeting dates 2027",
    description: "When each Local Care Partnership meets next year, and where.",
    tags: ["lcp", "meetings"],
    visibility: "MEMBERS",
    addedBy: "sam.okafor@lch.example",
    addedDaysAgo: 5,
    file: async () => ({
      name: "lcp-meeting-dates-2027.pdf",
      mimeType: "application/pdf",
      bytes: simplePdf("LCP meeting dates 2027", [
        "Every LCP meets on the second Tuesday of the month, 10:00 to 12:00.",
        "January 12, February 9, March 9, April 13, May 11, June 8.",
        "July 13, September 14, October 12, November 9, December 14.",
        "Venues rotate between the partners' buildings; details come with each agenda.",
      ]),
    }),
  },
  {
    partnership: "renfrewshire-spg",
    folder: "Plans and strategies",
    title: "SPG annual report summary",
    description: "A two-minute read of what the Strategic Planning Group funded and learned this year.",
    tags: ["annual report", "strategy"],
    visibility: "PUBLIC",
    addedBy: "fiona.macleod@renfrewshire-hscp.example",
    addedDaysAgo: 20,
    file: async () => ({
      name: "spg-annual-report-summary.pdf",
      mimeType: "application/pdf",
      bytes: simplePdf("Renfrewshire SPG: the year in summary", [
        "Six small tests of change were funded across three priority areas.",
        "Two will be scaled up, three sustained, and one has stopped, with its learning shared.",
        "Thank you to every partner who co-wrote a proposal or sat on a panel.",
      ]),
    }),
  },
  {
    partnership: "renfrewshire-spg",
    folder: "Referrals and signposting",
    title: "Community groups poster",
    description: "A poster pointing people to local community groups, for GP surgeries and libraries.",
    tags: ["signposting"],
    visibility: "MEMBERS",
    addedBy: "sandra.kerr@engage-renfrewshire.example",
    addedDaysAgo: 8,
    file: async () => ({ name: "community-groups-poster.png", mimeType: "image/png", ...(await flyerPng({ background: "#00594f", accent: "#ffd100" })) }),
  },
];

/**
 * The demo partnerships' documents: each a library resource whose file goes through the
 * app's own PostgreSQL file store (in the seed's transaction), so it downloads like any
 * upload on the embedded database.
 */
export async function seedDemoDocuments(
  tx: Tx,
  lookups: { partnershipIds: Map<string, string>; userId: (email: string) => string; now: Date },
) {
  // The store only writes its own tables: the transaction's client serves it as well as the pool would.
  const store = new PostgresFileStore(tx as unknown as Database);
  const once = async function* (bytes: Uint8Array) {
    yield bytes;
  };
  for (const document of DEMO_DOCUMENTS) {
    const partnershipId = lookups.partnershipIds.get(document.partnership);
    if (!partnershipId) throw new Error(`The demo documents need the ${document.partnership} partnership`);
    const [outer, inner] = document.folder ? document.folder.split(" › ") : [];
    let folderId: string | null = null;
    if (outer) {
      const top = await tx.libraryFolder.findFirstOrThrow({ where: { partnershipId, parentId: null, name: outer }, select: { id: true } });
      folderId = inner ? (await tx.libraryFolder.findFirstOrThrow({ where: { partnershipId, parentId: top.id, name: inner }, select: { id: true } })).id : top.id;
    }
    const at = new Date(lookups.now.getTime() - document.addedDaysAgo * DAY);
    const addedById = lookups.userId(document.addedBy);
    const resource = await tx.libraryResource.create({
      data: {
        partnershipId,
        folderId,
        kind: "DOCUMENT",
        title: document.title,
        description: document.description,
        tags: document.tags,
        visibility: document.visibility,
        addedById,
        createdAt: at,
      },
      select: { id: true },
    });
    const file = await document.file();
    const stored = await store.put(once(file.bytes));
    const thumbnail = file.thumbnail ? await store.put(once(file.thumbnail)) : null;
    const storedFile = await tx.storedFile.create({
      data: { partnershipId, ownerKind: "LIBRARY_RESOURCE", ownerId: resource.id, createdAt: at },
      select: { id: true },
    });
    const version = await tx.storedFileVersion.create({
      data: {
        fileId: storedFile.id,
        number: 1,
        storage: "POSTGRES",
        blobKey: stored.key,
        sizeBytes: stored.sizeBytes,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        mimeType: file.mimeType,
        name: file.name,
        uploadedById: addedById,
        uploadedAt: at,
        thumbnailKey: thumbnail?.key ?? null,
        thumbnailBytes: thumbnail?.sizeBytes ?? null,
      },
      select: { id: true },
    });
    await tx.storedFile.update({ where: { id: storedFile.id }, data: { currentVersionId: version.id }, select: { id: true } });
  }
}
