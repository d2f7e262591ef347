-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_access_requests" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderNumber" TEXT,
    "domain" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "requesterEmail" TEXT,
    "requesterChannel" TEXT NOT NULL,
    "requesterPlatformUserId" TEXT,
    "approverEmail" TEXT,
    "approverName" TEXT,
    "status" TEXT NOT NULL,
    "decidedByName" TEXT,
    "decidedByEmail" TEXT,
    "decidedByChannel" TEXT,
    "decidedAt" DATETIME,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL,
    "openKey" TEXT
);
INSERT INTO "new_access_requests" ("action", "approverEmail", "approverName", "createdAt", "decidedAt", "decidedByChannel", "decidedByEmail", "decidedByName", "domain", "id", "openKey", "orderNumber", "outcome", "requesterChannel", "requesterEmail", "requesterName", "requesterPlatformUserId", "status") SELECT "action", "approverEmail", "approverName", "createdAt", "decidedAt", "decidedByChannel", "decidedByEmail", "decidedByName", "domain", "id", "openKey", "orderNumber", "outcome", "requesterChannel", "requesterEmail", "requesterName", "requesterPlatformUserId", "status" FROM "access_requests";
DROP TABLE "access_requests";
ALTER TABLE "new_access_requests" RENAME TO "access_requests";
CREATE UNIQUE INDEX "access_requests_openKey_key" ON "access_requests"("openKey");
CREATE INDEX "access_requests_orderNumber_idx" ON "access_requests"("orderNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
