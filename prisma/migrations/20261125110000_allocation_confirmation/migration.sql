-- A proposal the workforce lead has confirmed holds the analyst's capacity while it awaits the parties.
ALTER TABLE "Allocation" ADD COLUMN "confirmedAt" TIMESTAMPTZ(3);
