-- CreateTable
CREATE TABLE "KlinkDrift" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "expected" TEXT NOT NULL,
    "received" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastRequestId" TEXT,

    CONSTRAINT "KlinkDrift_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KlinkDrift_connectionId_lastSeenAt_idx" ON "KlinkDrift"("connectionId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "KlinkDrift_lastSeenAt_idx" ON "KlinkDrift"("lastSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "KlinkDrift_connectionId_endpoint_path_key" ON "KlinkDrift"("connectionId", "endpoint", "path");

