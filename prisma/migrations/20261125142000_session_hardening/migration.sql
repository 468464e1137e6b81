-- Sessions end after a period without use as well as at a fixed limit; each keeps the limits it was granted.

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "absoluteExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN "idleTimeoutSeconds" INTEGER;

-- Sessions from before: their expiry was the absolute limit, and the idle limit is the default 30 minutes.
UPDATE "Session" SET "absoluteExpiresAt" = "expiresAt",
    "idleTimeoutSeconds" = 1800,
    "expiresAt" = LEAST("expiresAt", "lastSeenAt" + INTERVAL '30 minutes');

ALTER TABLE "Session" ALTER COLUMN "absoluteExpiresAt" SET NOT NULL,
ALTER COLUMN "idleTimeoutSeconds" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Session_absoluteExpiresAt_idx" ON "Session"("absoluteExpiresAt");
