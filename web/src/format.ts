const skillLevelNames = ['Awareness', 'Working', 'Practitioner', 'Expert'] as const;

/** The DDaT capability scale: 1 Awareness, 2 Working, 3 Practitioner, 4 Expert. */
export const skillLevels = skillLevelNames.map((_, index) => index + 1);

/** "3 Practitioner": number and name, so the level never depends on colour or position alone. */
export function skillLevelLabel(level: number): string {
  const name = skillLevelNames[level - 1];
  return name ? `${level} ${name}` : String(level);
}

/** Highest level first, then by skill name. */
export function strongestFirst<T extends { level: number; skill: { name: string } }>(skills: readonly T[]): T[] {
  return [...skills].sort((a, b) => b.level - a.level || a.skill.name.localeCompare(b.skill.name));
}

const acronyms = new Set(['ICB', 'VCSE', 'FTE']);

/** "PARTIALLY_MATCHED" → "Partially matched"; known acronyms stay upper case. */
export function sentenceCase(value: string): string {
  const words = value.split('_').map((word) => (acronyms.has(word) ? word : word.toLowerCase()));
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

/** "BAND_8A" → "Band 8a" (Agenda for Change). */
export function bandLabel(band: string): string {
  return `Band ${band.replace(/^BAND_/, '').toLowerCase()}`;
}

export function fteLabel(fte: number): string {
  return `${fte.toFixed(1)} FTE`;
}

export function percentLabel(share: number): string {
  return `${Math.round(share * 100)}%`;
}

// Dates arrive as calendar dates ("YYYY-MM-DD"); reading and printing them in UTC keeps the day unchanged.
const calendarDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayMs = 24 * 60 * 60 * 1000;

function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** "2027-01-04" → "4 January 2027". */
export function dateLabel(isoDate: string): string {
  return calendarDate.format(utcDate(isoDate));
}

/** Number of weeks from one week's Monday to another's, both weeks included. */
export function weekCount(startWeek: string, endWeek: string): number {
  return Math.round((utcDate(endWeek).getTime() - utcDate(startWeek).getTime()) / (7 * dayMs)) + 1;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "23 November 2026 to 14 December 2026 (4 weeks)". */
export function weeksLabel(startWeek: string, endWeek: string): string {
  return `${dateLabel(startWeek)} to ${dateLabel(endWeek)} (${plural(weekCount(startWeek, endWeek), 'week')})`;
}

const organisationKindLabels: Record<string, string> = {
  ICB: 'Integrated care board',
  ACUTE_TRUST: 'Acute trust',
  MENTAL_HEALTH_TRUST: 'Mental health trust',
  COMMUNITY_TRUST: 'Community trust',
  AMBULANCE_TRUST: 'Ambulance trust',
  PRIMARY_CARE: 'Primary care',
  LOCAL_AUTHORITY: 'Local authority',
  SOCIAL_CARE: 'Social care provider',
  HOSPICE: 'Hospice',
  VCSE: 'Voluntary, community and social enterprise',
};

export function organisationKindLabel(kind: string): string {
  return organisationKindLabels[kind] ?? sentenceCase(kind);
}
