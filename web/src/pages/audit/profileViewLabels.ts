import { sentenceCase } from '../../format.ts';

const viewLabels: Record<string, string> = { PROFILE: 'Profile', CAREER_PATH: 'Career path' };

export function profileViewLabel(view: string): string {
  return viewLabels[view] ?? sentenceCase(view);
}

/** "Arjun Mehta, organisation lead, Riverside University Hospitals". */
export function readerLabel(read: { readerName: string; readerRole: string; readerOrganisationName: string | null }): string {
  return [read.readerName, sentenceCase(read.readerRole).toLowerCase(), read.readerOrganisationName].filter(Boolean).join(', ');
}

export const readTimestamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
