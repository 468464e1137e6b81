import { describe, expect, it } from 'vitest';
import { startScriptSettings } from '../bench/api/start-script-flags.ts';

const packageWithStart = (start: string) => JSON.stringify({ scripts: { start } });

describe("the benchmark's API process gets the Node.js options of `npm start`", () => {
  it('reads the valued options of the node command that runs the API, not its loader', () => {
    const start = 'npm run build && node --max-semi-space-size=2 --heap-growing-percent=40 --import tsx api/src/main.ts';
    expect(startScriptSettings(packageWithStart(start))).toEqual({ environment: {}, nodeOptions: ['--max-semi-space-size=2', '--heap-growing-percent=40'] });
  });

  it('reads the environment variables set on that node command', () => {
    const start = 'npm run build && MALLOC_MMAP_THRESHOLD_=131072 node --max-semi-space-size=2 --import tsx api/src/main.ts';
    expect(startScriptSettings(packageWithStart(start))).toEqual({ environment: { MALLOC_MMAP_THRESHOLD_: '131072' }, nodeOptions: ['--max-semi-space-size=2'] });
  });

  it('refuses a start script that does not run the API with node', () => {
    expect(() => startScriptSettings(packageWithStart('tsx api/src/main.ts'))).toThrow(/does not run "node … api\/src\/main.ts"/);
  });

  it("reads the project's own start script", () => {
    expect(startScriptSettings().environment).toEqual({ MALLOC_MMAP_THRESHOLD_: '131072' });
  });
});
