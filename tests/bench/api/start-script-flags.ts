import { readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_JSON = path.join(import.meta.dirname, '../../../package.json');

export interface StartScriptSettings {
  /** Environment variables set on the `node` command (such as the C library's memory settings). */
  environment: Record<string, string>;
  /** Its valued Node.js and V8 options. */
  nodeOptions: string[];
}

/**
 * The environment and options `npm start` gives the API process (package.json's start script, the `node` command
 * that runs api/src/main.ts), so the benchmark's API runs with the memory settings production has.
 */
export function startScriptSettings(packageJson = readFileSync(PACKAGE_JSON, 'utf8')): StartScriptSettings {
  const start: unknown = JSON.parse(packageJson).scripts?.start;
  const command = typeof start === 'string' ? /(?:^|&&\s*)((?:[A-Z_]+=\S+\s+)*)node\s+(.*?)\bapi\/src\/main\.ts\b/.exec(start) : null;
  if (!command) throw new Error('package.json\'s start script does not run "node … api/src/main.ts"');
  const assignments = command[1]!.split(/\s+/).filter(Boolean).map((assignment) => assignment.split('=') as [string, string]);
  return {
    environment: Object.fromEntries(assignments),
    nodeOptions: command[2]!.split(/\s+/).filter((option) => /^--[a-z-]+=\S+$/.test(option)),
  };
}
