-- CreateTable
CREATE TABLE "ReportDay" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "logCount" INTEGER NOT NULL,
    "aggregate" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportDay_connectionId_day_idx" ON "ReportDay"("connectionId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "ReportDay_connectionId_timeZone_day_key" ON "ReportDay"("connectionId", "timeZone", "day");
