import type { VariablesOf } from '../../graphql.ts';
import type { AnalystDirectoryQuery } from './DirectoryResults.tsx';

export type AnalystFilter = NonNullable<VariablesOf<typeof AnalystDirectoryQuery>['filter']>;

/** The directory's filters live in the URL (q, organisation, skill, level) so reload and back keep them. */
export const filterParams = { search: 'q', organisationId: 'organisation', skillId: 'skill', minLevel: 'level' } as const;

export function readDirectoryFilter(searchParams: URLSearchParams): AnalystFilter {
  const search = searchParams.get(filterParams.search)?.trim();
  const organisationId = searchParams.get(filterParams.organisationId);
  const skillId = searchParams.get(filterParams.skillId);
  const minLevel = Number(searchParams.get(filterParams.minLevel));
  return {
    ...(search ? { search } : {}),
    ...(organisationId ? { organisationId } : {}),
    ...(skillId ? { skillId } : {}),
    ...(skillId && minLevel >= 1 && minLevel <= 4 ? { minLevel } : {}),
  };
}

export function isFiltered(filter: AnalystFilter): boolean {
  return Object.keys(filter).length > 0;
}
