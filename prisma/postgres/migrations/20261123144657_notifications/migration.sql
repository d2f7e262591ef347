-- CreateTable
CREATE TABLE "deliveries" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "claim" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_items" (
    "id" TEXT NOT NULL,
    "batchKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "digest_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalations" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "windowMinutes" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "escalations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_settings" (
    "scope" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("scope")
);

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_key_key" ON "deliveries"("key");

-- CreateIndex
CREATE INDEX "deliveries_state_dueAt_idx" ON "deliveries"("state", "dueAt");

-- CreateIndex
CREATE INDEX "deliveries_claim_idx" ON "deliveries"("claim");

-- CreateIndex
CREATE INDEX "digest_items_dueAt_idx" ON "digest_items"("dueAt");

-- CreateIndex
CREATE INDEX "digest_items_batchKey_occurredAt_idx" ON "digest_items"("batchKey", "occurredAt");

-- CreateIndex
CREATE INDEX "escalations_dueAt_idx" ON "escalations"("dueAt");

-- CreateIndex
CREATE INDEX "escalations_activityId_idx" ON "escalations"("activityId");
