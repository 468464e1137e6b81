import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readTimelineFilter } from '../../../web/src/pages/allocations/timelineFilter.ts';
import { readDirectoryFilter } from '../../../web/src/pages/analysts/directoryFilter.ts';
import { monthWindowFrom, monthWindowVariables } from '../../../web/src/pages/insight/reportParams.ts';
import { readUsersFields, usersFilter, usersPageSize } from '../../../web/src/pages/users/usersFilter.ts';
import { addWeeksTo, todayIso } from '../../../web/src/weeks.ts';
import type { GraphqlRequest } from './graphql-http.ts';

// The operations the web client's pages send when a lead opens them with no filters chosen: the documents
// are read from the pages' sources and the variables made by the pages' own default-filter code, so the
// benchmark measures exactly what a browser asks for.

export type Role = 'WORKFORCE_LEAD' | 'ORGANISATION_LEAD';

export interface Operation {
  name: string;
  request: GraphqlRequest;
  /** Who opens the page; the timeline is the workforce lead's alone. */
  roles: readonly Role[];
}

const WEB_ROOT = path.join(import.meta.dirname, '../../../web/src');
const BOTH: readonly Role[] = ['WORKFORCE_LEAD', 'ORGANISATION_LEAD'];

/** The text of `export const <name> = graphql(`…`)` in a web source file. */
export function webDocument(file: string, name: string): string {
  const source = readFileSync(path.join(WEB_ROOT, file), 'utf8');
  const match = new RegExp(`export const ${name} = graphql\\(\`([^\`]*)\``).exec(source);
  if (!match) throw new Error(`web/src/${file} declares no ${name} document`);
  return match[1]!;
}

/** The timeline's statuses, as TimelinePage.tsx shows them: declined and withdrawn work never happened. */
const TIMELINE_STATUSES = ['PROPOSED', 'ACCEPTED', 'ACTIVE', 'COMPLETED'];

export function webPageOperations(today = todayIso()): Operation[] {
  const noParams = new URLSearchParams();
  const timeline = readTimelineFilter(noParams, today);
  return [
    {
      name: 'dashboard: what you need to do',
      request: { query: webDocument('pages/home/HomeActions.tsx', 'MyActionsQuery'), variables: {} },
      roles: BOTH,
    },
    { name: 'dashboard: at a glance', request: { query: webDocument('pages/HomePage.tsx', 'HomeQuery'), variables: {} }, roles: BOTH },
    {
      name: 'analysts directory',
      request: { query: webDocument('pages/analysts/DirectoryResults.tsx', 'AnalystDirectoryQuery'), variables: { first: 25, filter: readDirectoryFilter(noParams) } },
      roles: BOTH,
    },
    {
      name: 'allocations timeline',
      request: {
        query: webDocument('pages/allocations/TimelinePage.tsx', 'AllocationsTimelineQuery'),
        variables: { filter: { fromWeek: timeline.fromWeek, toWeek: addWeeksTo(timeline.fromWeek, timeline.weeks - 1), statuses: TIMELINE_STATUSES } },
      },
      roles: ['WORKFORCE_LEAD'],
    },
    {
      name: 'capacity heatmap',
      request: {
        query: webDocument('pages/insight/CapacityPage.tsx', 'CapacityDemandQuery'),
        variables: { ...monthWindowVariables(monthWindowFrom(noParams)), minLevel: 3, category: null, organisationId: null },
      },
      roles: BOTH,
    },
    {
      name: 'users',
      request: { query: webDocument('pages/users/UsersPage.tsx', 'UsersQuery'), variables: { first: usersPageSize, filter: usersFilter(readUsersFields(noParams)) } },
      roles: ['WORKFORCE_LEAD'],
    },
    {
      name: 'fairness report',
      request: { query: webDocument('pages/insight/FairnessPage.tsx', 'FairnessPageQuery'), variables: { startWeek: null, endWeek: null } },
      roles: BOTH,
    },
  ];
}
