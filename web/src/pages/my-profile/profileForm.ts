import type { CombinedError } from 'urql';
import type { VariablesOf } from '../../graphql.ts';
import type { UpdateMyProfileMutation } from './MyProfilePage.tsx';
import type { Problem } from '../allocations/problems.ts';

// The self-service form's values (strings, as the fields hold them), the mutation input built from them,
// and the server's field paths mapped back to the fields that set them.

export interface AvailabilityRow {
  key: number;
  startWeek: string;
  endWeek: string;
  /** "0" for unavailable, else "0.1".."0.9". */
  available: string;
}

type ProfileInput = VariablesOf<typeof UpdateMyProfileMutation>['input'];
export type WorkPreference = NonNullable<ProfileInput['workPreference']>;
export type Sector = NonNullable<ProfileInput['sectorsOfInterest']>[number];

export interface ProfileValues {
  workPreference: WorkPreference;
  sectors: Sector[];
  targetRoleId: string;
  /** Skill id → level ("" = not held). */
  levels: Record<string, string>;
  /** Skill id → target level ("" = no aim). */
  aims: Record<string, string>;
  availability: AvailabilityRow[];
}

export interface ProfileSource {
  workPreference: WorkPreference;
  sectorsOfInterest: readonly Sector[] | null;
  targetRole: { id: string } | null;
  skills: readonly { level: number; skill: { id: string } }[];
  aspirations: readonly { targetLevel: number; skill: { id: string } }[] | null;
  availabilities: readonly { startWeek: string; endWeek: string; availableFraction: number }[] | null;
}

export function initialValues(analyst: ProfileSource): ProfileValues {
  return {
    workPreference: analyst.workPreference,
    sectors: [...(analyst.sectorsOfInterest ?? [])],
    targetRoleId: analyst.targetRole?.id ?? '',
    levels: Object.fromEntries(analyst.skills.map(({ level, skill }) => [skill.id, String(level)])),
    aims: Object.fromEntries((analyst.aspirations ?? []).map(({ targetLevel, skill }) => [skill.id, String(targetLevel)])),
    availability: (analyst.availabilities ?? []).map((period, key) => ({
      key,
      startWeek: period.startWeek,
      endWeek: period.endWeek,
      available: String(period.availableFraction),
    })),
  };
}

export const fieldIds = {
  level: (skillId: string) => `level-${skillId}`,
  aim: (skillId: string) => `aim-${skillId}`,
  availability: (key: number, field: 'startWeek' | 'endWeek' | 'available') => `availability-${key}-${field}`,
};

export interface ProfileSubmission {
  input: {
    workPreference: WorkPreference;
    sectorsOfInterest: Sector[];
    targetRoleId: string | null;
    skills: { skillId: string; level: number }[];
    aspirations: { skillId: string; targetLevel: number }[];
    availability: { startWeek: string; endWeek: string; availableFraction: number }[];
  };
  /** The field id for each server path of this submission, e.g. "input.skills.2.level". */
  fieldOf: (path: readonly (string | number)[]) => string | undefined;
}

export function submissionOf(values: ProfileValues): ProfileSubmission {
  const skills = Object.entries(values.levels)
    .filter(([, level]) => level !== '')
    .map(([skillId, level]) => ({ skillId, level: Number(level) }));
  const aspirations = Object.entries(values.aims)
    .filter(([, level]) => level !== '')
    .map(([skillId, level]) => ({ skillId, targetLevel: Number(level) }));
  const rows = values.availability;
  const availability = rows.map((row) => ({ startWeek: row.startWeek, endWeek: row.endWeek, availableFraction: Number(row.available) }));
  const fieldOf = (path: readonly (string | number)[]): string | undefined => {
    const [, list, index, field] = path;
    if (typeof index !== 'number') {
      if (list === 'targetRoleId') return 'target-role';
      if (list === 'workPreference') return 'work-preference';
      return list === 'skills' ? 'skills' : undefined;
    }
    if (list === 'skills') return skills[index] && fieldIds.level(skills[index].skillId);
    if (list === 'aspirations') return aspirations[index] && fieldIds.aim(aspirations[index].skillId);
    const row = rows[index];
    if (list !== 'availability' || !row) return undefined;
    return fieldIds.availability(row.key, field === 'availableFraction' ? 'available' : field === 'endWeek' ? 'endWeek' : 'startWeek');
  };
  return {
    input: {
      workPreference: values.workPreference,
      sectorsOfInterest: values.sectors,
      targetRoleId: values.targetRoleId || null,
      skills,
      aspirations,
      availability,
    },
    fieldOf,
  };
}

/** Problems to show for a refused save; `stale` when someone else changed the profile meanwhile. */
export function saveProblems(error: CombinedError, fieldOf: ProfileSubmission['fieldOf']): { problems: Problem[]; stale: boolean } {
  if (error.networkError || error.graphQLErrors.length === 0) {
    return { problems: [{ message: 'Sorry, the service did not respond. Check your connection and try again.' }], stale: false };
  }
  const problems: Problem[] = [];
  let stale = false;
  for (const graphQLError of error.graphQLErrors) {
    const extensions = graphQLError.extensions as { code?: string; fields?: { path: (string | number)[]; message: string }[] };
    if (extensions.code === 'VALIDATION_FAILED' && extensions.fields) {
      for (const { path, message } of extensions.fields) problems.push({ message, field: fieldOf(path) });
    } else if (extensions.code === 'STALE_VERSION') {
      stale = true;
      problems.push({ message: 'Your profile changed since you opened this page (perhaps new evidence of a skill). Reload it, then make your changes again.' });
    } else {
      problems.push({ message: graphQLError.message });
    }
  }
  return { problems, stale };
}
