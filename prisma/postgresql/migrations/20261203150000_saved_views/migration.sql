-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedViewDefault" (
    "userId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "viewId" TEXT NOT NULL,

    CONSTRAINT "SavedViewDefault_pkey" PRIMARY KEY ("userId","connectionId","list")
);

-- CreateIndex
CREATE INDEX "SavedView_connectionId_list_shared_idx" ON "SavedView"("connectionId", "list", "shared");

-- CreateIndex
CREATE INDEX "SavedView_ownerId_connectionId_list_idx" ON "SavedView"("ownerId", "connectionId", "list");

-- CreateIndex
CREATE INDEX "SavedViewDefault_viewId_idx" ON "SavedViewDefault"("viewId");

-- AddForeignKey
ALTER TABLE "SavedViewDefault" ADD CONSTRAINT "SavedViewDefault_viewId_fkey" FOREIGN KEY ("viewId") REFERENCES "SavedView"("id") ON DELETE CASCADE ON UPDATE CASCADE;

