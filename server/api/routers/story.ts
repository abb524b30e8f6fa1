import { router } from "@/server/api/trpc";

/** Stories (#PositivePartnerships): written, moderated, published, commented on. */
export const storyRouter = router({});
