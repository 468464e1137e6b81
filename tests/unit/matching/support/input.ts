import type { AnalystInput, MatchingInput, MatchingPolicy, OrganisationInput, RequestInput } from '../../../../api/src/matching/types.ts';

// Hand-built engine inputs for unit tests: each helper fills the fields a test does not care about.

export const DEFAULT_POLICY: MatchingPolicy = {
  alpha: 0.4,
  beta: 0.4,
  gamma: 0.2,
  maxConcurrentRequests: 3,
  developmentShareCap: 0.5,
  homeRequestsDrawOnPool: false,
};

export function analyst(weekCount: number, fields: Partial<AnalystInput> & Pick<AnalystInput, 'id' | 'organisationId'>): AnalystInput {
  return {
    capacity: new Array<number>(weekCount).fill(5),
    skills: [],
    aspirations: [],
    interestRequestIds: [],
    currentProjectIds: [],
    currentOrganisationIds: [],
    bookedRequestCount: new Array<number>(weekCount).fill(0),
    ...fields,
  };
}

export function request(fields: Partial<RequestInput> & Pick<RequestInput, 'id' | 'organisationId'>): RequestInput {
  return {
    projectId: `project-${fields.id}`,
    required: [],
    desired: [],
    fte: 5,
    startWeek: 0,
    endWeek: 0,
    priority: 'MEDIUM',
    openToDevelopment: false,
    submittedAt: '2026-11-01T09:00:00.000Z',
    ...fields,
  };
}

export function organisation(fields: Partial<OrganisationInput> & Pick<OrganisationInput, 'id'>): OrganisationInput {
  return { name: fields.id, contribution: 0, need: 0, credit: 0, ...fields };
}

export function matchingInput(fields: Partial<MatchingInput> & Pick<MatchingInput, 'weekCount'>): MatchingInput {
  return { analysts: [], requests: [], organisations: [], policy: DEFAULT_POLICY, ...fields };
}
