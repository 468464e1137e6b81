import { addWeeksTo, isoDateOf, mondayOf } from '../../weeks.ts';
// The report pages keep their filters in the URL, so a view can be bookmarked, shared and reloaded.

export interface MonthWindow {
  /** "2027-01"; null for the API's default (this month). */
  fromMonth: string | null;
  months: number;
}

export const monthChoices = [3, 6, 12] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function monthWindowFrom(params: URLSearchParams): MonthWindow {
  const fromMonth = params.get('from');
  const months = Number(params.get('months'));
  return {
    fromMonth: fromMonth && MONTH.test(fromMonth) ? fromMonth : null,
    months: (monthChoices as readonly number[]).includes(months) ? months : 6,
  };
}

/** The window as query variables: "2027-01" → fromMonth "2027-01-01". */
export function monthWindowVariables({ fromMonth, months }: MonthWindow) {
  return { fromMonth: fromMonth ? `${fromMonth}-01` : null, months };
}

/** A download link for one of the /export/*.csv reports with the page's own filters. */
export function exportHref(path: string, variables: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(variables)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** "2027-01" → "January 2027"; "2027-Q1" → "Jan to Mar 2027". */
export function bucketName(bucket: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(bucket);
  if (quarter) return `${['Jan to Mar', 'Apr to Jun', 'Jul to Sep', 'Oct to Dec'][Number(quarter[2]) - 1]} ${quarter[1]}`;
  const [year, month] = bucket.split('-');
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
}

/** "Jan 2027": for chart axes and narrow headers. */
export function shortBucketName(bucket: string): string {
  const [year, month] = bucket.split('-');
  if (month?.startsWith('Q')) return `${month} ${year}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
}

/** FTE to one or two decimals, without trailing zeros: 0.8, 0.625 → 0.63. */
export function fteNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The earlier of `week` and last week's Monday: the latest week of a period that is over. */
export function lastWeekOver(week: string, today = new Date()): string {
  const lastMonday = addWeeksTo(mondayOf(isoDateOf(today)), -1);
  return week < lastMonday ? week : lastMonday;
}

/** A filter form's filled-in fields as URL parameters. */
export function filledParams(fields: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value) params.set(name, value);
  return params;
}
