-- CreateTable
CREATE TABLE "deliveries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "claim" TEXT,
    "claimedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "digest_items" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "escalations" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "windowMinutes" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "notification_settings" (
    "scope" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
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
