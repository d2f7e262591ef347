-- CreateTable
CREATE TABLE "subscribers" (
    "login" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phoneNumber" TEXT,
    "department" TEXT,
    "nameSearch" TEXT NOT NULL,
    "emailSearch" TEXT NOT NULL,
    "phoneDigits" TEXT,
    "deptSearch" TEXT,

    CONSTRAINT "subscribers_pkey" PRIMARY KEY ("login")
);

-- CreateTable
CREATE TABLE "subscriber_products" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "subscriberLogin" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,
    "parentId" TEXT,
    "shared" BOOLEAN NOT NULL,
    "openOrderNumber" TEXT,

    CONSTRAINT "subscriber_products_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "product_notes" (
    "id" SERIAL NOT NULL,
    "productId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "product_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_orders" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "changeKind" TEXT,
    "orderable" TEXT,
    "domain" TEXT NOT NULL,
    "subscriberLogin" TEXT NOT NULL,
    "newOwnerLogin" TEXT,
    "author" TEXT NOT NULL,
    "authorNameSearch" TEXT NOT NULL,
    "authorEmailSearch" TEXT,
    "origin" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "extendedStatus" TEXT,
    "failure" TEXT,
    "requestedDeliveryDate" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "work_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activities" (
    "seq" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "assignee" TEXT NOT NULL,
    "assigneeEmail" TEXT,
    "assigneeRole" TEXT,
    "status" TEXT NOT NULL,
    "acceptedBy" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "macAddress" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "activities_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "activity_posted_messages" (
    "id" SERIAL NOT NULL,
    "activityId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "address" TEXT NOT NULL,

    CONSTRAINT "activity_posted_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "domain_rules" (
    "domain" TEXT NOT NULL,
    "isAuthorizationRequiredForAddOrder" BOOLEAN NOT NULL,
    "isAuthorizationRequiredForChangeOrder" BOOLEAN NOT NULL,
    "isAuthorizationRequiredForCancelOrder" BOOLEAN NOT NULL,
    "phoneAssignmentDoneBy" TEXT,
    "phoneShippingDoneBy" TEXT,
    "phoneReceiptDoneBy" TEXT,

    CONSTRAINT "domain_rules_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "system_events" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "detail" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "system_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "counters" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "counters_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "subscribers_domain_idx" ON "subscribers"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "subscriber_products_id_key" ON "subscriber_products"("id");

-- CreateIndex
CREATE INDEX "subscriber_products_subscriberLogin_idx" ON "subscriber_products"("subscriberLogin");

-- CreateIndex
CREATE INDEX "subscriber_products_parentId_idx" ON "subscriber_products"("parentId");

-- CreateIndex
CREATE INDEX "product_notes_productId_idx" ON "product_notes"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "work_orders_number_key" ON "work_orders"("number");

-- CreateIndex
CREATE INDEX "work_orders_state_createdAt_idx" ON "work_orders"("state", "createdAt");

-- CreateIndex
CREATE INDEX "work_orders_extendedStatus_createdAt_idx" ON "work_orders"("extendedStatus", "createdAt");

-- CreateIndex
CREATE INDEX "work_orders_domain_createdAt_idx" ON "work_orders"("domain", "createdAt");

-- CreateIndex
CREATE INDEX "work_orders_subscriberLogin_createdAt_idx" ON "work_orders"("subscriberLogin", "createdAt");

-- CreateIndex
CREATE INDEX "work_orders_createdAt_idx" ON "work_orders"("createdAt");

-- CreateIndex
CREATE INDEX "work_orders_authorNameSearch_idx" ON "work_orders"("authorNameSearch");

-- CreateIndex
CREATE INDEX "work_orders_authorEmailSearch_idx" ON "work_orders"("authorEmailSearch");

-- CreateIndex
CREATE UNIQUE INDEX "activities_id_key" ON "activities"("id");

-- CreateIndex
CREATE INDEX "activities_orderNumber_idx" ON "activities"("orderNumber");

-- CreateIndex
CREATE INDEX "activities_status_assigneeEmail_idx" ON "activities"("status", "assigneeEmail");

-- CreateIndex
CREATE INDEX "activities_status_assigneeRole_domain_idx" ON "activities"("status", "assigneeRole", "domain");

-- CreateIndex
CREATE INDEX "activity_posted_messages_activityId_idx" ON "activity_posted_messages"("activityId");

-- CreateIndex
CREATE INDEX "system_events_processedAt_id_idx" ON "system_events"("processedAt", "id");

-- CreateIndex
CREATE INDEX "system_events_orderNumber_idx" ON "system_events"("orderNumber");

-- AddForeignKey
ALTER TABLE "subscriber_products" ADD CONSTRAINT "subscriber_products_subscriberLogin_fkey" FOREIGN KEY ("subscriberLogin") REFERENCES "subscribers"("login") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_notes" ADD CONSTRAINT "product_notes_productId_fkey" FOREIGN KEY ("productId") REFERENCES "subscriber_products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_subscriberLogin_fkey" FOREIGN KEY ("subscriberLogin") REFERENCES "subscribers"("login") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_orderNumber_fkey" FOREIGN KEY ("orderNumber") REFERENCES "work_orders"("number") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_posted_messages" ADD CONSTRAINT "activity_posted_messages_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
