import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql } from '../../graphql.ts';
import { useSignedInUser } from '../../session/SessionProvider.tsx';
import { DecisionsList } from './DecisionsList.tsx';
import { ProposalsBoard } from './ProposalsBoard.tsx';

/** Confirmed proposals still open for decision, narrowed to an organisation or an analyst. */
export const ProposalsToDecideQuery = graphql(`
  query ProposalsToDecide($filter: AllocationFilter!) {
    allocations(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          id
          fte
          startWeek
          endWeek
          viewerParties
          awaitingParties
          analyst { id name organisation { id name } }
          request { id title organisation { id name } }
          explanation { summary }
        }
      }
    }
  }
`);

const toDecide = { status: 'PROPOSED', confirmed: true } as const;

/** Allocations as each role works with them: the board, the decisions of a lead, an analyst's own proposals. */
export function AllocationsPage() {
  const me = useSignedInUser();
  if (me.role === 'WORKFORCE_LEAD') return <ProposalsBoard />;
  if (me.role === 'ORGANISATION_LEAD' && me.organisation) return <OrganisationProposals organisationId={me.organisation.id} />;
  if (me.role === 'ANALYST' && me.analyst) return <AnalystProposals analystId={me.analyst.id} />;
  return (
    <>
      <PageHeading>Allocations</PageHeading>
      <p>Your account is not linked to an organisation or an analyst profile, so there is nothing for you to decide here.</p>
    </>
  );
}

function OrganisationProposals({ organisationId }: { organisationId: string }) {
  const query = useQuery({ query: ProposalsToDecideQuery, variables: { filter: { ...toDecide, organisationId } } });
  return (
    <>
      <PageHeading>Proposals and releases</PageHeading>
      <p className="nhsuk-lede-text">
        Accept or decline the analysts proposed for your requests, and approve the release of your own analysts' time to other partners.
      </p>
      <QueryStates query={query} loading="Loading proposals…" what="proposals">
        {({ allocations }) => {
          const proposals = allocations.edges.map(({ node }) => node);
          return (
            <>
              <PartListed shown={proposals.length} total={allocations.totalCount} />
              <h2>Proposals for your requests</h2>
              <DecisionsList
                proposals={proposals.filter((proposal) => proposal.viewerParties.includes('REQUESTER'))}
                party="REQUESTER"
                caption="Analysts proposed for your requests"
                empty="No analyst is waiting for your decision on your requests."
              />
              <h2>Releases of your analysts</h2>
              <DecisionsList
                proposals={proposals.filter((proposal) => proposal.viewerParties.includes('RELEASE'))}
                party="RELEASE"
                caption="Your analysts proposed for other partners' work"
                empty="None of your analysts is waiting for you to approve their release."
              />
            </>
          );
        }}
      </QueryStates>
    </>
  );
}

function AnalystProposals({ analystId }: { analystId: string }) {
  const query = useQuery({ query: ProposalsToDecideQuery, variables: { filter: { ...toDecide, analystId } } });
  return (
    <>
      <PageHeading>Your proposals</PageHeading>
      <p className="nhsuk-lede-text">Work you have been proposed for. Accept or decline each one; you can say why.</p>
      <QueryStates query={query} loading="Loading your proposals…" what="your proposals">
        {({ allocations }) => (
          <>
            <PartListed shown={allocations.edges.length} total={allocations.totalCount} />
            <DecisionsList
            proposals={allocations.edges.map(({ node }) => node)}
            party="ANALYST"
            caption="Work proposed for you"
            empty="You have no proposals to decide on."
            />
          </>
        )}
      </QueryStates>
    </>
  );
}

/** The lists hold the earliest 100; say so in the rare case there are more. */
function PartListed({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <div className="nhsuk-inset-text">
      <p>
        Showing the {shown} earliest of {total} proposals. Decide on these and the rest will follow.
      </p>
    </div>
  );
}
