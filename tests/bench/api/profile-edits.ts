import { execute } from './graphql-http.ts';

// The "in use" runs measure the pages while the ICS is being worked in: a lead saves a change through the API
// every so often, as people do, and every answer read after it is computed again (the API keeps nothing across
// a committed write).

const FIRST_ANALYST = /* GraphQL */ `
  query BenchFirstAnalyst {
    analysts(first: 1) { edges { node { id jobTitle version } } }
  }
`;

const EDIT_JOB_TITLE = /* GraphQL */ `
  mutation BenchEditJobTitle($id: ID!, $version: Int!, $jobTitle: String!) {
    updateAnalystProfile(id: $id, version: $version, input: { jobTitle: $jobTitle }) { version }
  }
`;

const ACTING_SUFFIX = ' (acting)';
const ACTING = / \(acting\)$/;

interface FirstAnalyst {
  analysts: { edges: { node: { id: string; jobTitle: string; version: number } }[] };
}

/**
 * Saves an edit of one analyst's job title (alternating between it with and without "(acting)") through the API every
 * `intervalMs` until the returned stop is called, which resolves to the number of edits saved.
 */
export async function saveProfileEditsEvery(endpoint: string, leadCookie: string, intervalMs: number): Promise<() => Promise<number>> {
  const { data } = await execute(endpoint, { query: FIRST_ANALYST, variables: {} }, leadCookie);
  const analyst = (data as unknown as FirstAnalyst).analysts.edges[0]?.node;
  if (!analyst) throw new Error('The dataset has no analyst to edit');
  const plain = analyst.jobTitle.replace(ACTING, '');
  const acting = `${plain}${ACTING_SUFFIX}`;

  let running = true;
  let { version, jobTitle } = analyst;
  let saved = 0;
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      jobTitle = jobTitle === plain ? acting : plain;
      const result = await execute(endpoint, { query: EDIT_JOB_TITLE, variables: { id: analyst.id, version, jobTitle } }, leadCookie);
      version = (result.data as { updateAnalystProfile: { version: number } }).updateAnalystProfile.version;
      saved += 1;
    }
  })();
  // A failed save ends the loop; it is reported when the run stops, not as an unhandled rejection.
  loop.catch(() => {});
  return async () => {
    running = false;
    await loop;
    return saved;
  };
}
