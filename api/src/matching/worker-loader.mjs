// Entry of the matching worker thread. Node 20 does not hand the parent's module hooks to worker threads,
// so the TypeScript loader (tsx, as used by `npm start`, `npm run bench` and the tests) is registered here
// before the worker itself is imported.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
