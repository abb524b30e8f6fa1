import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";
import { refuseSignInLinkRequest } from "@/server/auth/sign-in-limits";
import { getDb } from "@/server/db/client";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: RouteContext) {
  // A sign-in link over the limits is refused here, before any token or email exists.
  const refused = await refuseSignInLinkRequest(getDb(), request);
  if (refused) return refused;
  return NextAuth(request, context, authOptions());
}

export { handler as GET, handler as POST };
