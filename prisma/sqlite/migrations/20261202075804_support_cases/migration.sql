-- CreateTable
CREATE TABLE "support_cases" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "lineNumbers" TEXT NOT NULL,
    "requestType" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "openedByName" TEXT NOT NULL,
    "openedByEmail" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "sentTo" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "support_cases_orderNumber_fkey" FOREIGN KEY ("orderNumber") REFERENCES "orders" ("number") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "support_cases_number_key" ON "support_cases"("number");

-- CreateIndex
CREATE INDEX "support_cases_orderNumber_createdAt_idx" ON "support_cases"("orderNumber", "createdAt");
