-- CreateTable
CREATE TABLE "ReportDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "logCount" INTEGER NOT NULL,
    "aggregate" JSONB NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ReportDay_connectionId_day_idx" ON "ReportDay"("connectionId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "ReportDay_connectionId_timeZone_day_key" ON "ReportDay"("connectionId", "timeZone", "day");
