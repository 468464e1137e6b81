import { describe, expect, it } from 'vitest';
import { startScriptNodeOptions } from '../bench/api/start-script-flags.ts';

const packageWithStart = (start: string) => JSON.stringify({ scripts: { start } });

describe("the benchmark's API process gets the Node.js options of `npm start`", () => {
  it('reads the valued options of the node command that runs the API, not its loader', () => {
    const start = 'npm run build && node --max-semi-space-size=2 --heap-growing-percent=40 --import tsx api/src/main.ts';
    expect(startScriptNodeOptions(packageWithStart(start))).toEqual(['--max-semi-space-size=2', '--heap-growing-percent=40']);
  });

  it('refuses a start script that does not run the API with node', () => {
    expect(() => startScriptNodeOptions(packageWithStart('tsx api/src/main.ts'))).toThrow(/does not run "node … api\/src\/main.ts"/);
  });

  it("reads the project's own start script", () => {
    expect(() => startScriptNodeOptions()).not.toThrow();
  });
});
