import pino from 'pino';
import { isDemoSeeded, seedDemoIcs } from '../../../prisma/seed/demo-ics.ts';
import { createPrismaClient } from '../db/client.ts';
import { resolveDatabase } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';

const logger = pino({ name: 'analyst-pool-seed' });

/** Migrates the database `npm start` uses and seeds the demo ICS into it unless it is already there. */
async function main(): Promise<void> {
  const database = await resolveDatabase((message) => logger.debug({ postgres: message }));
  try {
    const { applied } = await migrate(database.url);
    if (applied.length > 0) logger.info({ applied }, 'Migrations applied');
    const prisma = createPrismaClient(database.url);
    try {
      if (await isDemoSeeded(prisma)) {
        logger.info('The demo ICS is already seeded');
      } else {
        logger.info(await seedDemoIcs(prisma), 'Seeded the demo ICS (see README for demo logins)');
      }
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? { message: error.message } : { error }, 'Seeding failed');
  process.exit(1);
});
