import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { AllocationTimeline, type TimelineAllocation } from '../../components/AllocationTimeline.tsx';
import { CsvDownloadButton } from '../../components/CsvDownloadButton.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { addWeeksTo, mondayOf, todayIso } from '../../weeks.ts';
import { dateLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { AllocationsNavigation } from './AllocationsNavigation.tsx';
import { TimelineFilters } from './TimelineFilters.tsx';
import { readTimelineFilter, type TimelineFilter } from './timelineFilter.ts';

export const AllocationsTimelineQuery = graphql(`
  query AllocationsTimeline($filter: AllocationFilter) {
    allocations(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          id
          fte
          startWeek
          endWeek
          status
          analyst { id name }
          request { id title organisation { id name } }
        }
      }
    }
  }
`);

type TimelineNode = ResultOf<typeof AllocationsTimelineQuery>['allocations']['edges'][number]['node'];

export function toTimelineAllocation({ request, ...allocation }: TimelineNode): TimelineAllocation {
  return { ...allocation, organisation: request.organisation, work: request.title };
}

// Declined and withdrawn work never happened; everything else is or was someone's plan for those weeks.
const shownStatuses: ('PROPOSED' | 'ACCEPTED' | 'ACTIVE' | 'COMPLETED')[] = ['PROPOSED', 'ACCEPTED', 'ACTIVE', 'COMPLETED'];


export function TimelinePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = readTimelineFilter(searchParams, todayIso());

  return (
    <>
      <PageHeading>Allocations timeline</PageHeading>
      <AllocationsNavigation />
      <p className="nhsuk-lede-text">Who works where, week by week: every analyst with agreed or proposed work in the weeks chosen.</p>
      <TimelineFilters filter={filter} onApply={setSearchParams} />
      <Timeline filter={filter} />
      <CsvDownloadButton kind="ALLOCATIONS" label="all allocations as CSV" />
    </>
  );
}

function Timeline({ filter }: { filter: TimelineFilter }) {
  const { fromWeek, weeks, organisationId, skillId } = filter;
  const query = useQuery({
    query: AllocationsTimelineQuery,
    variables: { filter: { organisationId, skillId, fromWeek, toWeek: addWeeksTo(fromWeek, weeks - 1), statuses: shownStatuses } },
  });

  return (
    <QueryStates query={query} loading="Loading the timeline…" what="the timeline">
      {({ allocations }) => (
        <>
          {allocations.totalCount > allocations.edges.length && (
            <div className="nhsuk-inset-text">
              <p>
                Showing {allocations.edges.length} of {allocations.totalCount} allocations. Choose an organisation, a skill or fewer weeks to see
                them all.
              </p>
            </div>
          )}
          <AllocationTimeline
          allocations={allocations.edges.map(({ node }) => toTimelineAllocation(node))}
          fromWeek={fromWeek}
          weeks={weeks}
          thisWeek={mondayOf(todayIso())}
          title={`Allocations for ${weeks} weeks from ${dateLabel(fromWeek)}`}
          emptyMessage="No analyst has agreed or proposed work in these weeks for the organisation and skill chosen."
          />
        </>
      )}
    </QueryStates>
  );
}
