import { defineConfig } from 'prisma/config';

// The connection URL is only needed by CLI commands that reach the database; the application
// connects through the node-postgres driver adapter (api/src/db/client.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/analyst_pool' },
});
