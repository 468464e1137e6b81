import { UTCDate } from '@date-fns/utc';
import { isValid, parse as parseDate } from 'date-fns';
import { mondayOf } from '../../domain/weeks.ts';
import type { ProblemList } from './problems.ts';

// Cell readers: each returns the value, or reports a problem in words a spreadsheet user understands and
// returns null. `at` locates the cell.

export interface CellAt {
  row: number;
  column: string;
  problems: ProblemList;
}

export function requiredText(value: string, at: CellAt, maxLength = 200): string | null {
  if (value === '') return at.problems.add(at.row, at.column, `${at.column} is empty.`);
  if (value.length > maxLength) return at.problems.add(at.row, at.column, `${at.column} is longer than ${maxLength} characters.`);
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(value: string, at: CellAt): string | null {
  if (!EMAIL.test(value)) return at.problems.add(at.row, at.column, `"${value}" is not an email address.`);
  return value.toLowerCase();
}

/** A decimal such as 0.4; "0,4" gets a specific hint because spreadsheets in some locales write it so. */
export function decimal(value: string, at: CellAt, { min, max, step }: { min: number; max: number; step: number }): number | null {
  if (/^\d+,\d+$/.test(value)) {
    return at.problems.add(at.row, at.column, `"${value}" uses a comma; write decimals with a full stop, as ${value.replace(',', '.')}.`);
  }
  const number = Number(value);
  if (value === '' || !Number.isFinite(number)) return at.problems.add(at.row, at.column, `"${value}" is not a number.`);
  if (number < min || number > max) return at.problems.add(at.row, at.column, `${value} is outside ${min}–${max}.`);
  const steps = number / step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) return at.problems.add(at.row, at.column, `${value} is not a multiple of ${step}.`);
  return Math.round(steps) / Math.round(1 / step);
}

export function wholeNumber(value: string, at: CellAt, { min, max }: { min: number; max: number }): number | null {
  if (!/^\d+$/.test(value.replace(/,/g, ''))) return at.problems.add(at.row, at.column, `"${value}" is not a whole number.`);
  const number = Number(value.replace(/,/g, ''));
  if (number < min || number > max) return at.problems.add(at.row, at.column, `${value} is outside ${min}–${max}.`);
  return number;
}

/** "yes"/"no", "true"/"false", "y"/"n", "1"/"0"; empty means no. */
export function yesNo(value: string, at: CellAt): boolean | null {
  const normalised = value.toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(normalised)) return true;
  if (['no', 'n', 'false', '0', ''].includes(normalised)) return false;
  return at.problems.add(at.row, at.column, `"${value}" should be yes or no.`);
}

/** An enum value written as the API names it or as people do: "ACUTE_TRUST", "Acute trust", "acute-trust". */
export function choice<T extends string>(value: string, options: readonly T[], at: CellAt): T | null {
  const key = value.trim().toUpperCase().replace(/[\s-]+/g, '_');
  const found = options.find((option) => option === key);
  if (found) return found;
  const readable = options.map((option) => option.toLowerCase().replace(/_/g, ' ')).join(', ');
  return at.problems.add(at.row, at.column, `"${value}" is not one of: ${readable}.`);
}

// Excel stores dates as days since 1899-12-30 (its 1900 leap-year bug folded in); a bare number in a date
// column is such a serial when it falls in a plausible range (years 1982–2173).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const DATE_FORMATS = ['yyyy-MM-dd', 'dd/MM/yyyy', 'd/M/yyyy'];

/** Weeks starting before this year are taken for mistakes (a year typed short, a serial in the wrong column). */
const EARLIEST_YEAR = 1980;

/**
 * A date as a spreadsheet exports it (ISO, UK day/month/year, or an Excel serial number), as its week's Monday.
 * The Monday's own year is held to EARLIEST_YEAR, so every week read can be written out and read back.
 */
export function week(value: string, at: CellAt): Date | null {
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    const serial = Math.floor(Number(value));
    if (serial >= 30_000 && serial <= 100_000) return mondayOf(new Date(EXCEL_EPOCH_MS + serial * DAY_MS));
  }
  for (const format of DATE_FORMATS) {
    const date = parseDate(value, format, new UTCDate(0));
    const monday = isValid(date) ? mondayOf(date) : null;
    if (monday && monday.getUTCFullYear() >= EARLIEST_YEAR) return monday;
  }
  return at.problems.add(at.row, at.column, `"${value}" is not a date; write it as 2027-01-04 or 04/01/2027.`);
}
