import { readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_JSON = path.join(import.meta.dirname, '../../../package.json');

/**
 * The Node.js and V8 options `npm start` gives the API process (package.json's start script, the options of the
 * `node` command that runs api/src/main.ts), so the benchmark's API runs with the memory settings production has.
 */
export function startScriptNodeOptions(packageJson = readFileSync(PACKAGE_JSON, 'utf8')): string[] {
  const start: unknown = JSON.parse(packageJson).scripts?.start;
  const command = typeof start === 'string' ? /(?:^|&&\s*)node\s+(.*?)\bapi\/src\/main\.ts\b/.exec(start) : null;
  if (!command) throw new Error('package.json\'s start script does not run "node … api/src/main.ts"');
  return command[1]!.split(/\s+/).filter((option) => /^--[a-z-]+=\S+$/.test(option));
}
