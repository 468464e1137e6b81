import { addWeeks, startOfISOWeek } from 'date-fns';

/** The demo's planning window: 26 ISO weeks (two quarters) from the Monday of `today`'s week. */
export interface PlanningWindow {
  /** Local midnight of the first Monday; week arithmetic stays in local time, where date-fns works. */
  readonly firstMonday: Date;
  readonly weekCount: number;
}

const PLANNING_WEEKS = 26;

export function planningWindow(today: Date): PlanningWindow {
  return { firstMonday: startOfISOWeek(today), weekCount: PLANNING_WEEKS };
}

/**
 * The Monday `index` weeks after the window's first (negative: before it), as UTC midnight, which is how a
 * PostgreSQL `date` column reads it back whatever the process's time zone.
 */
export function weekAt(window: PlanningWindow, index: number): Date {
  const monday = addWeeks(window.firstMonday, index);
  return new Date(Date.UTC(monday.getFullYear(), monday.getMonth(), monday.getDate()));
}
