import type { SizeBand } from '../generated/prisma/enums.ts';

/** Size band from headcount: small up to 250 staff, large from 3,000. */
export function sizeBandFor(headcount: number): SizeBand {
  if (headcount <= 250) return 'SMALL';
  return headcount < 3000 ? 'MEDIUM' : 'LARGE';
}
