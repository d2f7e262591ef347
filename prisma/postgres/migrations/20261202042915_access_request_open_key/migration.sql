-- AlterTable
ALTER TABLE "access_requests" ADD COLUMN     "openKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "access_requests_openKey_key" ON "access_requests"("openKey");
