-- A round's eligibility rule on partner sectors, so submission can check it.
ALTER TABLE "FundingRound" ADD COLUMN "requiredPartnerSectors" "Sector"[] NOT NULL DEFAULT ARRAY[]::"Sector"[];

-- Rounds whose written eligibility already asks for voluntary- and public-sector partners.
UPDATE "FundingRound"
SET "requiredPartnerSectors" = ARRAY['VOLUNTARY', 'PUBLIC']::"Sector"[]
WHERE "eligibility" ILIKE '%voluntary-sector%' AND "eligibility" ILIKE '%public-sector%';
