import { router } from "@/server/api/trpc";

export const directoryRouter = router({});
