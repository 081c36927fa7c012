-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SavedViewDefault" (
    "userId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "viewId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "connectionId", "list"),
    CONSTRAINT "SavedViewDefault_viewId_fkey" FOREIGN KEY ("viewId") REFERENCES "SavedView" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SavedView_connectionId_list_shared_idx" ON "SavedView"("connectionId", "list", "shared");

-- CreateIndex
CREATE INDEX "SavedView_ownerId_connectionId_list_idx" ON "SavedView"("ownerId", "connectionId", "list");

-- CreateIndex
CREATE INDEX "SavedViewDefault_viewId_idx" ON "SavedViewDefault"("viewId");

