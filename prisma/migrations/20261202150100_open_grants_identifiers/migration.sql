-- Organisations' registered numbers (for org-id.guide identifiers in open grants data), and
-- the organisation whose money a fund is.
ALTER TABLE "Organisation" ADD COLUMN "charityNumber" TEXT,
  ADD COLUMN "scottishCharityNumber" TEXT,
  ADD COLUMN "companyNumber" TEXT;

ALTER TABLE "Organisation"
  ADD CONSTRAINT "Organisation_charityNumber_check" CHECK ("charityNumber" ~ '^[0-9]{6,8}$'),
  ADD CONSTRAINT "Organisation_scottishCharityNumber_check" CHECK ("scottishCharityNumber" ~ '^SC[0-9]{6}$'),
  ADD CONSTRAINT "Organisation_companyNumber_check" CHECK ("companyNumber" ~ '^([0-9]{8}|(SC|NI|OC|SO|NC|R0|IP|SP|RS|CE|CS)[0-9]{6})$');

ALTER TABLE "Fund" ADD COLUMN "funderOrganisationId" TEXT;
ALTER TABLE "Fund" ADD CONSTRAINT "Fund_funderOrganisationId_fkey" FOREIGN KEY ("funderOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Fund_funderOrganisationId_idx" ON "Fund"("funderOrganisationId");
