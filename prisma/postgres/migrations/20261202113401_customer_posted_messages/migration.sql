-- CreateTable
CREATE TABLE "customer_posted_messages" (
    "id" SERIAL NOT NULL,
    "customerId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "address" TEXT NOT NULL,

    CONSTRAINT "customer_posted_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "customer_posted_messages_customerId_idx" ON "customer_posted_messages"("customerId");

-- AddForeignKey
ALTER TABLE "customer_posted_messages" ADD CONSTRAINT "customer_posted_messages_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
