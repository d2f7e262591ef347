-- CreateTable
CREATE TABLE "support_cases" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "lineNumbers" TEXT NOT NULL,
    "requestType" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "openedByName" TEXT NOT NULL,
    "openedByEmail" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "sentTo" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "support_cases_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "support_cases_number_key" ON "support_cases"("number");

-- CreateIndex
CREATE INDEX "support_cases_orderNumber_createdAt_idx" ON "support_cases"("orderNumber", "createdAt");

-- AddForeignKey
ALTER TABLE "support_cases" ADD CONSTRAINT "support_cases_orderNumber_fkey" FOREIGN KEY ("orderNumber") REFERENCES "orders"("number") ON DELETE CASCADE ON UPDATE CASCADE;
