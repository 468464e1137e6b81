-- Privacy: the log of who opened whose analyst profile, and when a leaver's personal data was anonymised.

-- CreateEnum
CREATE TYPE "ProfileView" AS ENUM ('PROFILE', 'CAREER_PATH');

-- AlterTable
ALTER TABLE "Analyst" ADD COLUMN "anonymisedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ProfileRead" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "analystId" UUID NOT NULL,
    "readerId" UUID NOT NULL,
    "view" "ProfileView" NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProfileRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProfileRead_readerId_analystId_view_hour_key" ON "ProfileRead"("readerId", "analystId", "view", "hour");
CREATE INDEX "ProfileRead_icsId_readAt_idx" ON "ProfileRead"("icsId", "readAt");
CREATE INDEX "ProfileRead_analystId_readAt_idx" ON "ProfileRead"("analystId", "readAt");

-- AddForeignKey
ALTER TABLE "ProfileRead" ADD CONSTRAINT "ProfileRead_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProfileRead" ADD CONSTRAINT "ProfileRead_analystId_fkey" FOREIGN KEY ("analystId") REFERENCES "Analyst"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProfileRead" ADD CONSTRAINT "ProfileRead_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
