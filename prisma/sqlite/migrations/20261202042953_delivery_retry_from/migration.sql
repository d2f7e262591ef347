-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN "retryFrom" DATETIME;
