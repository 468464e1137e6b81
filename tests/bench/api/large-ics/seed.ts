import { hashPassword } from '../../../../api/src/auth/password.ts';
import type { PrismaClient } from '../../../../api/src/db/client.ts';
import { ENGLAND, generateEngland, generateIcs, type IcsSize } from '../../matching/scenarios.ts';
import { planIcs } from './plan.ts';
import { writeIcsPlan, type WrittenIcs } from './write.ts';

// The API benchmark's datasets, built from the engine benchmark's generator with a fixed seed: the same
// `today` always gives the same rows (ids aside).

export const LARGE_ICS_SIZE: IcsSize = { analysts: 600, requests: 400, weeks: 78, organisations: 20 };
/** Of the large ICS's 78 weeks, the year before this week is history; the half year from it is planned. */
const LARGE_ICS_PAST_WEEKS = 52;
/** Closed quarterly fairness periods: the first three quarters of that year. */
const LARGE_ICS_CLOSED_QUARTERS = 3;
const ENGLAND_PAST_WEEKS = ENGLAND.weeks / 2;
const DATASET_SEED = 7;

export interface SeedOptions {
  today: Date;
  password: string;
  seed?: number;
}

export async function seedLargeIcs(prisma: PrismaClient, options: SeedOptions & { size?: IcsSize; code?: string }): Promise<WrittenIcs> {
  const seed = options.seed ?? DATASET_SEED;
  const size = options.size ?? LARGE_ICS_SIZE;
  const plan = planIcs(generateIcs('balanced', size, seed), { pastWeeks: Math.min(LARGE_ICS_PAST_WEEKS, size.weeks - 1), today: options.today }, seed);
  const code = options.code ?? 'LARGE';
  return writeIcsPlan(prisma, plan, {
    name: `Large Integrated Care System (${size.analysts} analysts)`,
    code,
    passwordHash: await hashPassword(options.password),
    today: options.today,
    closedQuarters: Math.min(LARGE_ICS_CLOSED_QUARTERS, Math.floor(LARGE_ICS_PAST_WEEKS / 13)),
  });
}

/** All England: the engine benchmark's 42 ICSs (about 12,000 analysts and 6,000 requests), each its own tenant. */
export async function seedEngland(prisma: PrismaClient, options: SeedOptions): Promise<WrittenIcs[]> {
  const seed = options.seed ?? DATASET_SEED;
  const passwordHash = await hashPassword(options.password);
  const written: WrittenIcs[] = [];
  for (const [index, input] of generateEngland('balanced', seed).entries()) {
    const plan = planIcs(input, { pastWeeks: ENGLAND_PAST_WEEKS, today: options.today }, seed * 1_000 + index);
    const code = `ENG${String(index).padStart(2, '0')}`;
    written.push(await writeIcsPlan(prisma, plan, { name: `England ICS ${index + 1}`, code, passwordHash, today: options.today, closedQuarters: 1 }));
  }
  return written;
}
