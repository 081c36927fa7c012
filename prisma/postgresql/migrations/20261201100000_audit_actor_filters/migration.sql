-- CreateIndex
CREATE INDEX "AuditLog_actorEmail_createdAt_idx" ON "AuditLog"("actorEmail", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_apiKeyId_createdAt_idx" ON "AuditLog"("apiKeyId", "createdAt");
