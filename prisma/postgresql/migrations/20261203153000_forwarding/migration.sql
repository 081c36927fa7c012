-- CreateTable
CREATE TABLE "ForwardDestination" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "eventTypes" JSONB,
    "connectionIds" JSONB,
    "headerName" TEXT,
    "headerValueCiphertext" TEXT,
    "secretCiphertext" TEXT NOT NULL,
    "previousSecretCiphertext" TEXT,
    "previousSecretExpiresAt" TIMESTAMP(3),
    "rateLimitPerSecond" INTEGER NOT NULL DEFAULT 10,
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "disabledReason" TEXT,
    "disabledAt" TIMESTAMP(3),
    "failingSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ForwardDestination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForwardMessage" (
    "id" TEXT NOT NULL,
    "destinationId" TEXT NOT NULL,
    "deliveryId" TEXT,
    "connectionId" TEXT,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "ForwardMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForwardAttempt" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,
    "response" TEXT,

    CONSTRAINT "ForwardAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ForwardDestination_name_key" ON "ForwardDestination"("name");

-- CreateIndex
CREATE INDEX "ForwardDestination_enabled_idx" ON "ForwardDestination"("enabled");

-- CreateIndex
CREATE INDEX "ForwardMessage_status_nextAttemptAt_idx" ON "ForwardMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "ForwardMessage_destinationId_createdAt_idx" ON "ForwardMessage"("destinationId", "createdAt");

-- CreateIndex
CREATE INDEX "ForwardMessage_destinationId_status_createdAt_idx" ON "ForwardMessage"("destinationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ForwardMessage_deliveryId_idx" ON "ForwardMessage"("deliveryId");

-- CreateIndex
CREATE UNIQUE INDEX "ForwardMessage_destinationId_deliveryId_key" ON "ForwardMessage"("destinationId", "deliveryId");

-- CreateIndex
CREATE INDEX "ForwardAttempt_messageId_at_idx" ON "ForwardAttempt"("messageId", "at");

-- AddForeignKey
ALTER TABLE "ForwardMessage" ADD CONSTRAINT "ForwardMessage_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "ForwardDestination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForwardAttempt" ADD CONSTRAINT "ForwardAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ForwardMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
