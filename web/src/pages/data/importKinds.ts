import type { Role } from '../../session/SessionProvider.tsx';

export type ImportKind = 'SKILLS' | 'ORGANISATIONS' | 'ANALYSTS' | 'REQUESTS';

export interface ImportKindInfo {
  kind: ImportKind;
  label: string;
  columns: string;
  /** Organisation leads import their own organisation's analysts and requests only. */
  icsWide: boolean;
}

/** In the order a new ICS fills them in: each file names things the ones above it created. */
export const importKinds: readonly ImportKindInfo[] = [
  { kind: 'SKILLS', label: 'Skills taxonomy', columns: 'name, category, description', icsWide: true },
  { kind: 'ORGANISATIONS', label: 'Organisations', columns: 'name, ods_code, kind, headcount', icsWide: true },
  {
    kind: 'ANALYSTS',
    label: 'Analysts',
    columns: 'email, name, organisation, job_title, band, contracted_fte, pooled_fte, skills, aspirations',
    icsWide: false,
  },
  {
    kind: 'REQUESTS',
    label: 'Requests',
    columns: 'project, organisation, title, required_skills, desired_skills, fte, start_week, end_week, priority, open_to_development',
    icsWide: false,
  },
];

export function importKindsFor(role: Role): readonly ImportKindInfo[] {
  return role === 'WORKFORCE_LEAD' ? importKinds : importKinds.filter((info) => !info.icsWide);
}
