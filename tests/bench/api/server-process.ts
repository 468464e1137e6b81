// The API under load runs in its own process, so the load generator never competes with it for the event loop.
import { createServer } from 'node:http';
import { createApp } from '../../../api/src/app.ts';
import { createPrismaClient } from '../../../api/src/db/client.ts';

export type ServerMessage = { listening: number } | { failed: string };

const url = process.env.BENCH_DATABASE_URL;
if (!url || !process.send) throw new Error('Start this through tests/bench/api/server.ts, which passes the database and an IPC channel');
const send = process.send.bind(process);

const prisma = createPrismaClient(url);
const server = createServer(createApp({ prisma }).handler);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await prisma.$disconnect();
  process.exit(0);
}

// A "stop" message, or the parent going away (its IPC channel closes), ends this process.
process.on('message', (message) => message === 'stop' && void stop());
process.on('disconnect', () => void stop());
server.on('error', (error) => send({ failed: error.message } satisfies ServerMessage));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  send({ listening: typeof address === 'object' && address ? address.port : 0 } satisfies ServerMessage);
});
