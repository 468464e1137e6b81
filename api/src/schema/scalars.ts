import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.ts';

// Date: a calendar day "YYYY-MM-DD" (weeks are the Monday of an ISO week), held as UTC midnight.
// DateTime: an ISO 8601 instant.
// Both within the years 1900–2999: PostgreSQL has no year 0, and weeks counted on from 9999-12-31 leave
// the four-digit years a timestamp is written in; no planning question reaches outside these centuries.

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(3000, 0, 1) - 1;

const inRange = (date: Date) => date.getTime() >= EARLIEST && date.getTime() <= LATEST;

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' && CALENDAR_DAY.test(value) ? new Date(`${value}T00:00:00.000Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || !inRange(date)) {
    throw new GraphQLError('Date must be a calendar day written YYYY-MM-DD, in the years 1900–2999.');
  }
  return date;
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || !inRange(date)) {
    throw new GraphQLError('DateTime must be an ISO 8601 timestamp in the years 1900–2999.');
  }
  return date;
}

builder.scalarType('Date', {
  description: 'A calendar day, "YYYY-MM-DD", in the years 1900–2999.',
  serialize: (date) => date.toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 timestamp, in the years 1900–2999.',
  serialize: (date) => date.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});
