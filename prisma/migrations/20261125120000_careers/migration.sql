-- Careers: calendar feed secrets (hash only), evidenced skill levels, versioned role profiles.
ALTER TABLE "Analyst" ADD COLUMN "calendarSecretHash" TEXT;
CREATE UNIQUE INDEX "Analyst_calendarSecretHash_key" ON "Analyst"("calendarSecretHash");

ALTER TABLE "AnalystSkill" ADD COLUMN "evidencedLevel" INTEGER;
-- Levels already dated as evidenced count as evidenced at their current level.
UPDATE "AnalystSkill" SET "evidencedLevel" = "level" WHERE "lastEvidencedAt" IS NOT NULL;

ALTER TABLE "RoleProfile" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
