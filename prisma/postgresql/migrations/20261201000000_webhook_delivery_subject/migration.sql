-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "contactId" TEXT;
ALTER TABLE "WebhookDelivery" ADD COLUMN "subjectId" TEXT;

-- CreateIndex
CREATE INDEX "WebhookDelivery_connectionId_subjectId_receivedAt_idx" ON "WebhookDelivery"("connectionId", "subjectId", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_connectionId_contactId_receivedAt_idx" ON "WebhookDelivery"("connectionId", "contactId", "receivedAt");
