import { fteNumber } from './reportParams.ts';

/** "0.4 FTE short", "0.1 FTE spare" or "Balanced": the shortfall in words, never by colour alone. */
export function shortfallLabel(shortfall: number): string {
  if (Math.abs(shortfall) < 0.005) return 'Balanced';
  return shortfall > 0 ? `${fteNumber(shortfall)} FTE short` : `${fteNumber(-shortfall)} FTE spare`;
}

/** "+0.4" / "−0.1" / "0": the compact form printed in heatmap cells. */
export function signedFte(shortfall: number): string {
  if (Math.abs(shortfall) < 0.005) return '0';
  return shortfall > 0 ? `+${fteNumber(shortfall)}` : `−${fteNumber(-shortfall)}`;
}
