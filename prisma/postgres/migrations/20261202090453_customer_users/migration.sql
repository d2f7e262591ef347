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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_users_pkey" PRIMARY KEY ("customerId","email")
);

-- AddForeignKey
ALTER TABLE "customer_users" ADD CONSTRAINT "customer_users_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
