-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_domain_rules" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "isAuthorizationRequiredForAddOrder" BOOLEAN NOT NULL,
    "isAuthorizationRequiredForChangeOrder" BOOLEAN NOT NULL,
    "isAuthorizationRequiredForCancelOrder" BOOLEAN NOT NULL,
    "phoneAssignmentDoneBy" TEXT,
    "phoneShippingDoneBy" TEXT,
    "phoneReceiptDoneBy" TEXT,
    "allowAuthorToApprove" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_domain_rules" ("domain", "isAuthorizationRequiredForAddOrder", "isAuthorizationRequiredForCancelOrder", "isAuthorizationRequiredForChangeOrder", "phoneAssignmentDoneBy", "phoneReceiptDoneBy", "phoneShippingDoneBy") SELECT "domain", "isAuthorizationRequiredForAddOrder", "isAuthorizationRequiredForCancelOrder", "isAuthorizationRequiredForChangeOrder", "phoneAssignmentDoneBy", "phoneReceiptDoneBy", "phoneShippingDoneBy" FROM "domain_rules";
DROP TABLE "domain_rules";
ALTER TABLE "new_domain_rules" RENAME TO "domain_rules";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
