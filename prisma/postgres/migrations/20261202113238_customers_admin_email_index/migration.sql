-- Administrator emails are compared lower-case (the lookup is one equality on the index):
-- rows written before the input was lower-cased are brought in line first.
UPDATE "customers" SET "adminEmail" = LOWER("adminEmail") WHERE "adminEmail" <> LOWER("adminEmail");

-- CreateIndex
CREATE INDEX "customers_adminEmail_idx" ON "customers"("adminEmail");
