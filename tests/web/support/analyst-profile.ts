/** Tom Okafor's profile as the AnalystProfile query answers it, not leaving; a test overrides what it is about. */
export function tomsProfile(overrides: Record<string, unknown> = {}) {
  return {
    id: 'analyst-tom',
    name: 'Tom Okafor',
    jobTitle: 'Information analyst',
    band: 'BAND_6',
    organisation: { id: 'org-council', name: 'Riverside Council' },
    contractedFte: 1,
    pooledFte: 0.4,
    protectedDevelopmentShare: 0.1,
    workPreference: 'HYBRID',
    targetRole: null,
    skills: [],
    aspirations: [],
    email: 'tom.okafor@riverside.gov.uk',
    availabilities: [],
    allocations: { totalCount: 0, edges: [] },
    status: 'ACTIVE',
    leftOn: null,
    anonymisationDueOn: null,
    canRecordLeaving: false,
    canCancelLeaving: false,
    ...overrides,
  };
}
