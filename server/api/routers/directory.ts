import {
  directoryOrganisationInput,
  directoryOrganisationsInput,
  directoryPeopleInput,
  directoryPersonInput,
  setOrganisationNumbersInput,
  setOrganisationVerifiedInput,
} from "@/lib/schemas/directory";
import { partnershipRefInput } from "@/lib/schemas/partnership";
import { partnershipProcedure, router } from "@/server/api/trpc";
import { can } from "@/server/auth/can";
import { getDirectoryFilterOptions } from "@/server/domain/directory/filter-options";
import {
  getDirectoryOrganisation,
  searchOrganisations,
  setOrganisationNumbers,
  setOrganisationVerified,
} from "@/server/domain/directory/organisations";
import { getPartnershipMap } from "@/server/domain/directory/partnership-map";
import { getDirectoryPerson, searchPeople } from "@/server/domain/directory/people";

/**
 * The cross-sector directory and the partnership map. Every query is scoped to the
 * partnership the policy resolved from `partnershipSlug` (ctx.membership.partnershipId):
 * ids in the input can only ever match rows of that partnership.
 */
export const directoryRouter = router({
  people: partnershipProcedure
    .input(directoryPeopleInput)
    .query(({ ctx, input: { partnershipSlug: _slug, ...filters } }) =>
      searchPeople(ctx.db, ctx.membership.partnershipId, filters),
    ),
  organisations: partnershipProcedure
    .input(directoryOrganisationsInput)
    .query(({ ctx, input: { partnershipSlug: _slug, ...filters } }) =>
      searchOrganisations(ctx.db, ctx.membership.partnershipId, filters),
    ),
  person: partnershipProcedure
    .input(directoryPersonInput)
    .query(({ ctx, input }) => getDirectoryPerson(ctx.db, ctx.membership.partnershipId, input.userId)),
  organisation: partnershipProcedure.input(directoryOrganisationInput).query(async ({ ctx, input }) => ({
    ...(await getDirectoryOrganisation(ctx.db, ctx.membership.partnershipId, input.organisationId)),
    /** Whether the viewer may mark it verified (the same rule as directory.setOrganisationVerified). */
    viewerCanVerify: can("directory.setOrganisationVerified", ctx.grant),
    /** Whether the viewer may record its registered numbers (directory.setOrganisationNumbers). */
    viewerCanSetNumbers: can("directory.setOrganisationNumbers", ctx.grant),
  })),
  filterOptions: partnershipProcedure
    .input(partnershipRefInput)
    .query(({ ctx }) => getDirectoryFilterOptions(ctx.db, ctx.membership.partnershipId)),
  setOrganisationVerified: partnershipProcedure
    .input(setOrganisationVerifiedInput)
    .mutation(({ ctx, input }) => setOrganisationVerified(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  setOrganisationNumbers: partnershipProcedure
    .input(setOrganisationNumbersInput)
    .mutation(({ ctx, input: { partnershipSlug: _slug, ...input } }) => setOrganisationNumbers(ctx.db, ctx.actor, ctx.membership.partnershipId, input)),
  map: partnershipProcedure
    .input(partnershipRefInput)
    .query(({ ctx }) => getPartnershipMap(ctx.db, ctx.membership.partnershipId)),
});
