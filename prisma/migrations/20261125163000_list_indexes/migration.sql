-- The allocations timeline asks for allocations running in a span of weeks. Those ending in or after its first
-- week are the current and planned ones, however many years of finished work the ICS has behind it; those
-- starting before its last week (the index by start week) are all of that history.

-- CreateIndex
CREATE INDEX "Allocation_icsId_endWeek_idx" ON "Allocation"("icsId", "endWeek");
