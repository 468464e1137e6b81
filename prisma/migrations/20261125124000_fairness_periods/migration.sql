-- Closed fairness periods and the per-organisation balances frozen at each close (DESIGN §4–5).

-- CreateTable
CREATE TABLE "FairnessPeriod" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "startWeek" DATE NOT NULL,
    "endWeek" DATE NOT NULL,
    "policy" JSONB NOT NULL,
    "closedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedById" UUID,

    CONSTRAINT "FairnessPeriod_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FairnessPeriod_weeks_check" CHECK ("endWeek" >= "startWeek")
);

CREATE TABLE "FairnessPeriodBalance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "weight" DECIMAL(7,6) NOT NULL,
    "entitlement" DECIMAL(12,3) NOT NULL,
    "claim" DECIMAL(12,3) NOT NULL,
    "received" DECIMAL(12,3) NOT NULL,
    "satisfaction" DECIMAL(5,4),
    "contribution" DECIMAL(12,3) NOT NULL,
    "balance" DECIMAL(12,3) NOT NULL,
    "creditIn" DECIMAL(12,3) NOT NULL,
    "creditCarried" DECIMAL(12,3) NOT NULL,

    CONSTRAINT "FairnessPeriodBalance_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FairnessPeriodBalance_creditCarried_check" CHECK ("creditCarried" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "FairnessPeriod_icsId_startWeek_key" ON "FairnessPeriod"("icsId", "startWeek");
CREATE INDEX "FairnessPeriod_icsId_endWeek_idx" ON "FairnessPeriod"("icsId", "endWeek");
CREATE UNIQUE INDEX "FairnessPeriodBalance_periodId_organisationId_key" ON "FairnessPeriodBalance"("periodId", "organisationId");
CREATE INDEX "FairnessPeriodBalance_organisationId_idx" ON "FairnessPeriodBalance"("organisationId");

-- AddForeignKey
ALTER TABLE "FairnessPeriod" ADD CONSTRAINT "FairnessPeriod_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FairnessPeriod" ADD CONSTRAINT "FairnessPeriod_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "FairnessPeriodBalance" ADD CONSTRAINT "FairnessPeriodBalance_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "FairnessPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FairnessPeriodBalance" ADD CONSTRAINT "FairnessPeriodBalance_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
