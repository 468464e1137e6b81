import { mondayOf } from '../../weeks.ts';

/** How many weeks the timeline can show at once. */
export const weekSpans = [8, 13, 26, 52] as const;

export interface TimelineFilter {
  organisationId?: string;
  skillId?: string;
  /** Monday of the first week shown. */
  fromWeek: string;
  weeks: number;
}

/** The timeline's filters live in the URL (organisation, skill, from, weeks) so reload and back keep them. */
export const timelineParams = { organisationId: 'organisation', skillId: 'skill', fromWeek: 'from', weeks: 'weeks' } as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters, falling back to 13 weeks from this week; any date stands for the week holding it. */
export function readTimelineFilter(searchParams: URLSearchParams, today: string): TimelineFilter {
  const organisationId = searchParams.get(timelineParams.organisationId);
  const skillId = searchParams.get(timelineParams.skillId);
  const from = searchParams.get(timelineParams.fromWeek) ?? '';
  const weeks = Number(searchParams.get(timelineParams.weeks));
  return {
    ...(organisationId ? { organisationId } : {}),
    ...(skillId ? { skillId } : {}),
    fromWeek: mondayOf(isoDate.test(from) && !Number.isNaN(Date.parse(from)) ? from : today),
    weeks: (weekSpans as readonly number[]).includes(weeks) ? weeks : 13,
  };
}
