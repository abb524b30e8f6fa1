import { Prisma } from "./generated/client";

/** Prisma's "record to update/delete does not exist". */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/** A unique constraint was violated (e.g. a duplicate that a concurrent request created first). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
