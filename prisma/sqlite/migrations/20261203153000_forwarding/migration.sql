-- CreateTable
CREATE TABLE "ForwardDestination" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "eventTypes" JSONB,
    "connectionIds" JSONB,
    "headerName" TEXT,
    "headerValueCiphertext" TEXT,
    "secretCiphertext" TEXT NOT NULL,
    "previousSecretCiphertext" TEXT,
    "previousSecretExpiresAt" DATETIME,
    "rateLimitPerSecond" INTEGER NOT NULL DEFAULT 10,
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "disabledReason" TEXT,
    "disabledAt" DATETIME,
    "failingSince" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ForwardMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "destinationId" TEXT NOT NULL,
    "deliveryId" TEXT,
    "connectionId" TEXT,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lockedUntil" DATETIME,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "deliveredAt" DATETIME,
    CONSTRAINT "ForwardMessage_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "ForwardDestination" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ForwardAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,
    "response" TEXT,
    CONSTRAINT "ForwardAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ForwardMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
