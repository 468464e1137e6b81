import { z } from 'zod';

// Argument shapes checked before any resolver runs, so malformed input is VALIDATION_FAILED,
// never a database error.

/** Ids are UUIDs; any 8-4-4-4-12 hex form PostgreSQL accepts. */
export const id = z.guid({ message: 'Not a valid id.' });
export const optionalId = id.nullish();
export const search = z.string().trim().max(200, { message: 'Search text is too long.' }).nullish();
export const skillLevel = z.number().int().min(1).max(4).nullish();
