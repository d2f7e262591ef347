-- CreateTable
CREATE TABLE "services_setups" (
    "customerId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "sipAddressName" TEXT,
    "countryOfOperation" TEXT,
    "countryConfirmedAt" TIMESTAMP(3),
    "countryConfirmedBy" TEXT,
    "timezone" TEXT,
    "platform" TEXT,
    "telephony" TEXT,
    "submittedAt" TIMESTAMP(3),
    "submittedBy" TEXT,
    "backendJobId" TEXT,
    "progress" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3),
    "failure" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "services_setups_pkey" PRIMARY KEY ("customerId")
);

-- CreateTable
CREATE TABLE "connect_activations" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "partnerDomain" TEXT NOT NULL,
    "adminEmail" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "remindAt" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "expiredAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),

    CONSTRAINT "connect_activations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "services_setups_state_idx" ON "services_setups"("state");

-- CreateIndex
CREATE INDEX "connect_activations_remindAt_idx" ON "connect_activations"("remindAt");

-- CreateIndex
CREATE INDEX "connect_activations_deadline_idx" ON "connect_activations"("deadline");

-- CreateIndex
CREATE UNIQUE INDEX "connect_activations_customerId_adminEmail_key" ON "connect_activations"("customerId", "adminEmail");
