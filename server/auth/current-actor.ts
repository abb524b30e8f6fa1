import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/server/db/client";
import { resolveActor, SESSION_COOKIE_NAMES } from "./session";

/** The actor of the current server-component render, looked up once per request. */
export const getCurrentActor = cache(async () => {
  const jar = await cookies();
  const token = SESSION_COOKIE_NAMES.map((name) => jar.get(name)?.value).find(Boolean);
  return resolveActor(getDb(), token);
});
