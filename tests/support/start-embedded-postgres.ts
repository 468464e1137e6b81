// Child process for the embedded PostgreSQL tests: starts a server on the given data directory, prints its
// admin URL, then waits to be killed.
import { startEmbeddedPostgres } from '../../api/src/db/embedded-postgres.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('Usage: start-embedded-postgres.ts <data dir>');
const server = await startEmbeddedPostgres({ dataDir, disposable: true });
process.stdout.write(`${server.adminUrl}\n`);
setInterval(() => {}, 60_000);
