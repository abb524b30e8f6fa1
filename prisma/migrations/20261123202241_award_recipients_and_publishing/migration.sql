-- AlterTable
ALTER TABLE "Award" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "recipientOrganisationId" TEXT;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_recipientOrganisationId_fkey" FOREIGN KEY ("recipientOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
