import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, subMonths } from 'date-fns';
import type { AllocationStatus } from '../../generated/prisma/enums.ts';
import { addWeeksTo, mondayOf } from '../../domain/weeks.ts';
import type { FieldIssue } from '../../errors.ts';
import { LIVE_STATUSES } from '../allocations/records.ts';

// What recording that an analyst has left does to their allocations, worked out without changing anything,
// so the form can show it before the lead confirms and the service does exactly that.

/** The weeks of an allocation, as leaving needs them. */
export interface AllocationWeeks {
  status: AllocationStatus;
  startWeek: Date;
  endWeek: Date;
}

export type LeavingOutcome = 'END' | 'WITHDRAW';

export interface LeavingChange<Row extends AllocationWeeks> {
  allocation: Row;
  outcome: LeavingOutcome;
  /** For END: the allocation's new last week. */
  endWeek: Date | null;
}

/** The last week an analyst leaving on `leftOn` works for the pool: the week before the one they leave in. */
export function lastWorkingWeek(leftOn: Date): Date {
  return addWeeksTo(mondayOf(leftOn), -1);
}

/** How far ahead a leaving date may be recorded. */
export const LEAVING_NOTICE_MONTHS = 12;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Whether leaving on `leftOn` has happened by `today`: from that day the analyst can no longer sign in. */
export function leavingHasHappened(leftOn: Date, today: Date): boolean {
  return day(leftOn) <= day(today);
}

/**
 * Work that would begin after the last working week is withdrawn, and agreed allocations (accepted or active)
 * running past it end then. Undecided proposals reaching past it are withdrawn too, and once leaving has
 * happened every undecided proposal is, as the analyst can no longer decide. Others stay as they are.
 */
export function leavingChanges<Row extends AllocationWeeks>(allocations: readonly Row[], leftOn: Date, today: Date): LeavingChange<Row>[] {
  const lastWeek = lastWorkingWeek(leftOn);
  const happened = leavingHasHappened(leftOn, today);
  return allocations.flatMap((allocation): LeavingChange<Row>[] => {
    if (!LIVE_STATUSES.includes(allocation.status)) return [];
    const undecided = allocation.status === 'PROPOSED';
    if (allocation.startWeek > lastWeek || (undecided && (happened || allocation.endWeek > lastWeek))) {
      return [{ allocation, outcome: 'WITHDRAW', endWeek: null }];
    }
    return allocation.endWeek > lastWeek ? [{ allocation, outcome: 'END', endWeek: lastWeek }] : [];
  });
}

/** Completed work on a request, which a leaving date may not come before. */
export interface CompletedWork {
  endWeek: Date;
  request: { title: string };
}

/**
 * Problems with a leaving date: it is at most LEAVING_NOTICE_MONTHS ahead, after the last week of every
 * completed allocation, and recent enough that the leaver's personal data is not due for anonymisation at
 * once (so a mistyped year cannot erase it).
 */
export function leavingDateIssues(
  leftOn: Date,
  { today, retentionMonthsAfterLeaving, completed }: { today: Date; retentionMonthsAfterLeaving: number; completed: readonly CompletedWork[] },
): FieldIssue[] {
  const path = ['input', 'leftOn'];
  if (leftOn > addMonths(new UTCDate(today), LEAVING_NOTICE_MONTHS)) {
    return [{ path, message: `Give a date no more than ${LEAVING_NOTICE_MONTHS} months from today.` }];
  }
  if (anonymisationDueOn(leftOn, retentionMonthsAfterLeaving) <= today) {
    return [{ path, message: `Give a date in the last ${retentionMonthsAfterLeaving} months: personal data is kept that long after leaving.` }];
  }
  const latest = completed.reduce<CompletedWork | null>((found, work) => (found && found.endWeek >= work.endWeek ? found : work), null);
  if (latest && mondayOf(leftOn) <= latest.endWeek) {
    return [{ path, message: `Give a date after the week of ${day(latest.endWeek)}, when their completed work on “${latest.request.title}” ended.` }];
  }
  return [];
}

/**
 * The day the retention pass (services/privacy/retention.ts) first finds a leaver due: the first day at
 * least `months` months after leaving.
 */
export function anonymisationDueOn(leftOn: Date, months: number): Date {
  let due = addMonths(new UTCDate(leftOn), months);
  while (subMonths(due, months) < leftOn) due = addDays(due, 1);
  return new Date(due.getTime());
}
