-- AlterTable
ALTER TABLE "access_requests" ALTER COLUMN "orderNumber" DROP NOT NULL,
ALTER COLUMN "approverEmail" DROP NOT NULL,
ALTER COLUMN "approverName" DROP NOT NULL;
