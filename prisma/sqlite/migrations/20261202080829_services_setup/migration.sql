-- CreateTable
CREATE TABLE "services_setups" (
    "customerId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "sipAddressName" TEXT,
    "countryOfOperation" TEXT,
    "countryConfirmedAt" DATETIME,
    "countryConfirmedBy" TEXT,
    "timezone" TEXT,
    "platform" TEXT,
    "telephony" TEXT,
    "submittedAt" DATETIME,
    "submittedBy" TEXT,
    "backendJobId" TEXT,
    "progress" TEXT NOT NULL,
    "completedAt" DATETIME,
    "failure" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "connect_activations" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "partnerDomain" TEXT NOT NULL,
    "adminEmail" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "remindAt" DATETIME NOT NULL,
    "remindedAt" DATETIME,
    "expiredAt" DATETIME,
    "activatedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "services_setups_state_idx" ON "services_setups"("state");

-- CreateIndex
CREATE INDEX "connect_activations_remindAt_idx" ON "connect_activations"("remindAt");

-- CreateIndex
CREATE INDEX "connect_activations_deadline_idx" ON "connect_activations"("deadline");

-- CreateIndex
CREATE UNIQUE INDEX "connect_activations_customerId_adminEmail_key" ON "connect_activations"("customerId", "adminEmail");
