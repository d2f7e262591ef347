-- CreateTable
CREATE TABLE "customer_users" (
    "customerId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "package" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "phoneNumber" TEXT,
    "extension" TEXT,
    "adminRole" TEXT,
    "status" TEXT NOT NULL,
    "subscriberId" TEXT,
    "message" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("customerId", "email"),
    CONSTRAINT "customer_users_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
