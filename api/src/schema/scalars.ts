import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.ts';

// Date: a calendar day "YYYY-MM-DD" (weeks are the Monday of an ISO week), held as UTC midnight.
// DateTime: an ISO 8601 instant.

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' && CALENDAR_DAY.test(value) ? new Date(`${value}T00:00:00.000Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError('Date must be a calendar day written YYYY-MM-DD.');
  }
  return date;
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 timestamp.');
  return date;
}

builder.scalarType('Date', {
  description: 'A calendar day, "YYYY-MM-DD".',
  serialize: (date) => date.toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 timestamp.',
  serialize: (date) => date.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});
