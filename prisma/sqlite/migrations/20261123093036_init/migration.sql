-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slackUserId" TEXT,
    "teamsUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "user_roles" (
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "domain" TEXT NOT NULL,

    PRIMARY KEY ("userId", "role", "domain"),
    CONSTRAINT "user_roles_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "chat_addresses" (
    "platform" TEXT NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("platform", "platformUserId")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "offer" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "placedByEmail" TEXT NOT NULL,
    "placedByName" TEXT NOT NULL,
    "requestedStartDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "order_lines" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" INTEGER NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "product" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "provisioningContactEmail" TEXT NOT NULL,
    "provisioningEmailSentAt" DATETIME,
    "windowEndsAt" DATETIME,
    "closedAt" DATETIME,
    "ponrAt" DATETIME,
    "organizationId" TEXT,
    "provisionedAt" DATETIME,
    CONSTRAINT "order_lines_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "provisioning_transactions" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderNumber" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "actorEmail" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "oldContact" TEXT,
    "newContact" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "provisioning_transactions_orderNumber_fkey" FOREIGN KEY ("orderNumber") REFERENCES "orders" ("number") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "access_requests" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderNumber" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "requesterEmail" TEXT,
    "requesterChannel" TEXT NOT NULL,
    "requesterPlatformUserId" TEXT,
    "approverEmail" TEXT NOT NULL,
    "approverName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decidedByName" TEXT,
    "decidedByEmail" TEXT,
    "decidedByChannel" TEXT,
    "decidedAt" DATETIME,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "access_request_messages" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    CONSTRAINT "access_request_messages_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "access_requests" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_slackUserId_key" ON "users"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "users_teamsUserId_key" ON "users"("teamsUserId");

-- CreateIndex
CREATE UNIQUE INDEX "orders_number_key" ON "orders"("number");

-- CreateIndex
CREATE INDEX "order_lines_status_provisioningEmailSentAt_idx" ON "order_lines"("status", "provisioningEmailSentAt");

-- CreateIndex
CREATE INDEX "order_lines_status_windowEndsAt_idx" ON "order_lines"("status", "windowEndsAt");

-- CreateIndex
CREATE UNIQUE INDEX "order_lines_orderId_lineNumber_key" ON "order_lines"("orderId", "lineNumber");

-- CreateIndex
CREATE INDEX "provisioning_transactions_orderNumber_createdAt_idx" ON "provisioning_transactions"("orderNumber", "createdAt");

-- CreateIndex
CREATE INDEX "provisioning_transactions_orderNumber_lineNumber_status_idx" ON "provisioning_transactions"("orderNumber", "lineNumber", "status");

-- CreateIndex
CREATE INDEX "access_requests_orderNumber_idx" ON "access_requests"("orderNumber");

-- CreateIndex
CREATE INDEX "access_request_messages_requestId_idx" ON "access_request_messages"("requestId");
