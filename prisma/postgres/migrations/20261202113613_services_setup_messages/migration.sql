-- AlterTable
ALTER TABLE "services_setups" ADD COLUMN     "submitter" TEXT;

-- CreateTable
CREATE TABLE "services_setup_messages" (
    "id" SERIAL NOT NULL,
    "customerId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "address" TEXT NOT NULL,

    CONSTRAINT "services_setup_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "services_setup_messages_customerId_idx" ON "services_setup_messages"("customerId");
