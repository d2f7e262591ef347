-- AlterTable
ALTER TABLE "domain_rules" ADD COLUMN     "allowAuthorToApprove" BOOLEAN NOT NULL DEFAULT false;
