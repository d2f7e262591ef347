-- CreateTable
CREATE TABLE "onboarding_templates" (
    "id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "authenticationMethod" TEXT NOT NULL,
    "pstnVendor" TEXT,
    "language" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "packages" TEXT NOT NULL,
    "provisioningId" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdByEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "onboarding_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "adminEmail" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "packages" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "packageResults" TEXT NOT NULL,
    "remoteCustomerId" TEXT,
    "orgId" TEXT,
    "subscriptionId" TEXT,
    "createdByName" TEXT NOT NULL,
    "createdByEmail" TEXT,
    "createdByChannel" TEXT NOT NULL,
    "createdByPlatformUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_locations" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "stateOrProvince" TEXT,
    "postalCode" TEXT,
    "country" TEXT NOT NULL,
    "remoteLocationId" TEXT,
    "headquarters" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_locations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "onboarding_templates_provisioningId_key" ON "onboarding_templates"("provisioningId");

-- CreateIndex
CREATE UNIQUE INDEX "onboarding_templates_domain_nameKey_key" ON "onboarding_templates"("domain", "nameKey");

-- CreateIndex
CREATE INDEX "customers_status_idx" ON "customers"("status");

-- CreateIndex
CREATE INDEX "customers_domain_idx" ON "customers"("domain");

-- CreateIndex
CREATE INDEX "customers_templateId_idx" ON "customers"("templateId");

-- CreateIndex
CREATE INDEX "customer_locations_customerId_idx" ON "customer_locations"("customerId");

-- CreateIndex
CREATE INDEX "orders_subscriptionId_idx" ON "orders"("subscriptionId");

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "onboarding_templates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_locations" ADD CONSTRAINT "customer_locations_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
