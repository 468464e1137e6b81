import type { PrismaClient } from '../../../api/src/db/client.ts';
import { seedDemoIcs } from '../../../prisma/seed/demo-ics.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../../prisma/seed/demo-logins.ts';
import { TEST_TODAY } from '../../support/test-clock.ts';
import { seedEngland, seedLargeIcs } from './large-ics/seed.ts';
import type { WrittenIcs } from './large-ics/write.ts';
import type { Role } from './web-pages.ts';

export const DATASETS = ['demo', 'large', 'england'] as const;
export type Dataset = (typeof DATASETS)[number];

export interface Viewer {
  label: string;
  role: Role;
  email: string;
}

export interface SeededDataset {
  name: Dataset;
  description: string;
  password: string;
  /** The workforce lead sees the whole ICS; the organisation lead (of its largest partner) a scoped view. */
  viewers: Viewer[];
}

/** Every generated account signs in with this password. */
const BENCH_PASSWORD = 'analyst-pool-bench';

export async function seedDataset(prisma: PrismaClient, dataset: Dataset): Promise<SeededDataset> {
  // The API under load runs on the real clock, so generated history and plans are laid out around today.
  const today = new Date();
  switch (dataset) {
    case 'demo': {
      const seeded = await seedDemoIcs(prisma, { today: TEST_TODAY });
      return {
        name: dataset,
        description: `demo ICS: ${seeded.organisations} organisations, ${seeded.analysts} analysts, ${seeded.projects} projects, ${seeded.requests} requests`,
        password: DEMO_PASSWORD,
        viewers: (['WORKFORCE_LEAD', 'ORGANISATION_LEAD'] as const).map((role) => ({ label: labelOf(role), role, email: demoLogin(role) })),
      };
    }
    case 'large':
      return generated(dataset, [await seedLargeIcs(prisma, { today, password: BENCH_PASSWORD })]);
    case 'england':
      return generated(dataset, await seedEngland(prisma, { today, password: BENCH_PASSWORD }));
  }
}

/** The viewers are the leads of the ICS with the most analysts. */
function generated(name: Dataset, icss: WrittenIcs[]): SeededDataset {
  const total = (key: keyof WrittenIcs['counts']) => icss.reduce((sum, ics) => sum + ics.counts[key], 0).toLocaleString('en-GB');
  const biggest = [...icss].sort((a, b) => b.counts.analysts - a.counts.analysts)[0]!;
  const scope = icss.length === 1 ? 'one ICS' : `${icss.length} ICSs (viewers in ${biggest.code}, ${biggest.counts.analysts} analysts)`;
  return {
    name,
    description:
      `${scope}: ${total('organisations')} organisations, ${total('analysts')} analysts, ${total('projects')} projects, ` +
      `${total('requests')} requests, ${total('allocations')} allocations, ${total('auditEvents')} audit events, ${total('fairnessPeriods')} closed fairness periods`,
    password: BENCH_PASSWORD,
    viewers: [
      { label: labelOf('WORKFORCE_LEAD'), role: 'WORKFORCE_LEAD', email: biggest.workforceLeadEmail },
      { label: labelOf('ORGANISATION_LEAD'), role: 'ORGANISATION_LEAD', email: biggest.organisationLeadEmail },
    ],
  };
}

function labelOf(role: Role): string {
  return role === 'WORKFORCE_LEAD' ? 'workforce lead' : 'organisation lead';
}

function demoLogin(role: Role): string {
  const login = DEMO_LOGINS.find((candidate) => candidate.role === role);
  if (!login) throw new Error(`The demo ICS has no ${role} login`);
  return login.email;
}
