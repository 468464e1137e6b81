import { execute } from './graphql-http.ts';
import { webDocument, type Operation, type Role } from './web-pages.ts';

/** The selection of one page of a list, as every list page of the web client asks for it. */
const listPage = (node: string) => `{ totalCount pageInfo { hasNextPage endCursor } edges { node { ${node} } } }`;

const ANALYST_DIRECTORY = /* GraphQL */ `
  query BenchAnalystDirectory($first: Int!, $filter: AnalystFilter) {
    analysts(first: $first, filter: $filter) ${listPage(`
      id name jobTitle band
      organisation { id name }
      skills { level skill { id name } }
      aspirations { targetLevel skill { id name } }
    `)}
  }
`;

const ORGANISATIONS = /* GraphQL */ `
  query BenchOrganisations($first: Int!) {
    organisations(first: $first) ${listPage('id name kind sizeBand headcount analystCount pooledFte')}
  }
`;

const PROJECTS = /* GraphQL */ `
  query BenchProjects($first: Int!) {
    projects(first: $first) ${listPage(`
      id title status
      organisation { id name }
      requests { id title status priority fte startWeek endWeek }
    `)}
  }
`;

const REQUESTS = /* GraphQL */ `
  query BenchRequests($first: Int!) {
    requests(first: $first) ${listPage(`
      id title status priority fte startWeek endWeek openToDevelopment interestCount
      organisation { id name }
      project { id title }
      requiredSkills { minLevel skill { id name } }
      desiredSkills { minLevel skill { id name } }
    `)}
  }
`;

const ALLOCATIONS = /* GraphQL */ `
  query BenchAllocations($first: Int!) {
    allocations(first: $first) ${listPage(`
      id fte startWeek endWeek kind status
      analyst { id name organisation { id name } }
      request { id title organisation { id name } }
    `)}
  }
`;

const ANALYST_PROFILE = /* GraphQL */ `
  query BenchAnalystProfile($id: ID!, $allocationsFirst: Int!) {
    analyst(id: $id) {
      id name jobTitle band contractedFte pooledFte protectedDevelopmentShare workPreference email version
      organisation { id name }
      targetRole { id name band requirements { level skill { id name } } }
      skills { level levelName lastEvidencedAt skill { id name category } }
      aspirations { targetLevel skill { id name } }
      availabilities { id startWeek endWeek availableFraction }
      allocations(first: $allocationsFirst) {
        totalCount
        edges { node { id fte startWeek endWeek kind status request { id title organisation { id name } } } }
      }
    }
  }
`;

const LOOKUP = /* GraphQL */ `
  query BenchLookup {
    skills(first: 100) { edges { node { id name } } }
    analysts(first: 1) { edges { node { id name } } }
    submitted: requests(first: 1, filter: { status: SUBMITTED }) { edges { node { id } } }
    active: requests(first: 1, filter: { status: ACTIVE }) { edges { node { id } } }
  }
`;

// The insight reports, as their pages ask for them (six months from this month; the open fairness period).
const CAPACITY_DEMAND = /* GraphQL */ `
  query BenchCapacityDemand {
    capacityDemand {
      months { label }
      skills { key label cells { bucket supply demand shortfall } }
      categories { key label cells { bucket supply demand shortfall } }
      organisations { key label cells { bucket supply demand shortfall } }
      singlePointsOfFailure { skillId name holders }
      forecast { quarters { label } skills { key label cells { bucket supply demand shortfall } } }
    }
  }
`;

const FAIRNESS_REPORT = /* GraphQL */ `
  query BenchFairnessReport {
    fairnessReport {
      totalSupply policy { alpha beta gamma }
      organisations { organisation { id name } weight entitlement claim received satisfaction contribution balance creditIn }
      months { month organisations { organisation { id name } satisfaction } }
    }
    fairnessPeriods { id startWeek endWeek closedAt closedByName }
  }
`;

const UTILISATION = /* GraphQL */ `
  query BenchUtilisation {
    utilisation {
      months
      analysts { analyst { id name } organisation { id name } months { month contracted pooled allocatable allocated overCapacityWeeks } overCapacityWeeks noDevelopmentIn12Months }
      organisations { organisation { id name } analystCount months { month contracted pooled allocatable allocated } }
    }
  }
`;

/** The skill the filtered directory asks for: a common one, so the filter returns a full page. */
const FILTER_SKILL = 'SQL';

interface LookupData {
  skills: { edges: { node: { id: string; name: string } }[] };
  analysts: { edges: { node: { id: string; name: string } }[] };
  submitted: { edges: { node: { id: string } }[] };
  active: { edges: { node: { id: string } }[] };
}

const BOTH: readonly Role[] = ['WORKFORCE_LEAD', 'ORGANISATION_LEAD'];

/** The web client's other list operations (and one profile), with ids looked up in the seeded dataset. */
export async function listOperations(endpoint: string, workforceLeadCookie: string): Promise<Operation[]> {
  const { data } = await execute(endpoint, { query: LOOKUP, variables: {} }, workforceLeadCookie);
  const lookup = data as unknown as LookupData;
  const skill = lookup.skills.edges.find(({ node }) => node.name === FILTER_SKILL)?.node;
  const analyst = lookup.analysts.edges[0]?.node;
  if (!skill) throw new Error(`The dataset has no skill named ${FILTER_SKILL}`);
  if (!analyst) throw new Error('The dataset has no analyst');
  const live = (lookup.submitted.edges[0] ?? lookup.active.edges[0])?.node;
  if (!live) throw new Error('The dataset has no submitted or active request');

  const lists = [
    { name: 'analysts directory', request: { query: ANALYST_DIRECTORY, variables: { first: 25 } } },
    { name: `analysts directory, skill ${FILTER_SKILL}`, request: { query: ANALYST_DIRECTORY, variables: { first: 25, filter: { skillId: skill.id } } } },
    { name: 'organisations', request: { query: ORGANISATIONS, variables: { first: 50 } } },
    { name: 'projects with requests', request: { query: PROJECTS, variables: { first: 25 } } },
    { name: 'requests', request: { query: REQUESTS, variables: { first: 25 } } },
    { name: 'allocations', request: { query: ALLOCATIONS, variables: { first: 50 } } },
    { name: 'analyst profile', request: { query: ANALYST_PROFILE, variables: { id: analyst.id, allocationsFirst: 10 } } },
    { name: 'insight: capacity and demand', request: { query: CAPACITY_DEMAND, variables: {} } },
    { name: 'insight: fairness report', request: { query: FAIRNESS_REPORT, variables: {} } },
    { name: 'insight: utilisation', request: { query: UTILISATION, variables: {} } },
  ].map((operation): Operation => ({ ...operation, name: `list: ${operation.name}`, roles: BOTH }));
  // A workforce lead choosing an analyst by hand: the analysts who might be eligible, ranked against the request.
  const candidates: Operation = {
    name: 'candidates for a request',
    request: { query: webDocument('pages/allocations/ProposalForm.tsx', 'ProposalCandidatesQuery'), variables: { requestId: live.id } },
    roles: ['WORKFORCE_LEAD'],
  };
  return [...lists, candidates];
}

/** How many items a response holds: the edges or items of its first list, or 1 for a single object. */
export function itemCount(data: Record<string, unknown>): number {
  const roots = Object.values(data).filter((root) => root !== null && root !== undefined);
  for (const root of roots) {
    const { edges, items } = root as { edges?: unknown[]; items?: unknown[] };
    const list = edges ?? items;
    if (Array.isArray(list)) return list.length;
  }
  return roots.length > 0 ? 1 : 0;
}
