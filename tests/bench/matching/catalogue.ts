import type { MatchingInput } from '../../../api/src/matching/types.ts';
import { FAMILIES, generateEngland, generateIcs, ICS_SIZE, LARGE_ICS_SIZE } from './scenarios.ts';

// The benchmark's named scenarios: every family at ICS size and at the size of all England (42 ICSs solved
// independently, in parallel), and a large ICS. Inputs are generated only for the scenarios that run.

export type BenchScenario =
  | { name: string; scope: 'ics'; input: () => MatchingInput }
  | { name: string; scope: 'england'; inputs: () => MatchingInput[] };

export function benchScenarios(seed: number): BenchScenario[] {
  return [
    ...FAMILIES.map((family): BenchScenario => ({ name: `ics-${family}`, scope: 'ics', input: () => generateIcs(family, ICS_SIZE, seed) })),
    { name: 'large-ics-balanced', scope: 'ics', input: () => generateIcs('balanced', LARGE_ICS_SIZE, seed) },
    ...FAMILIES.map((family): BenchScenario => ({ name: `england-${family}`, scope: 'england', inputs: () => generateEngland(family, seed) })),
  ];
}
