-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "retryFrom" TIMESTAMP(3);
