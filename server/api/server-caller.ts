import "server-only";
import { cache } from "react";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getDb } from "@/server/db/client";
import { createCaller } from "./root";

/**
 * Server components call the API through this caller, so a page and a client component
 * always pass the same authorization. One caller per request.
 */
export const getApi = cache(async () => createCaller({ db: getDb(), actor: await getCurrentActor() }));
