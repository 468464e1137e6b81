import { useQuery } from 'urql';
import { AllocationTimeline } from '../../components/AllocationTimeline.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { addWeeksTo, mondayOf, todayIso } from '../../weeks.ts';
import { dateLabel } from '../../format.ts';
import { AllocationsTimelineQuery, toTimelineAllocation } from '../allocations/TimelinePage.tsx';

const weeks = 26;

/** The analyst's own agreed and proposed work for the next six months. */
export function MyTimeline({ analystId }: { analystId: string }) {
  const fromWeek = mondayOf(todayIso());
  const query = useQuery({
    query: AllocationsTimelineQuery,
    variables: { filter: { analystId, fromWeek, toWeek: addWeeksTo(fromWeek, weeks - 1), statuses: ['PROPOSED', 'ACCEPTED', 'ACTIVE'] } },
  });
  return (
    <section aria-labelledby="your-timeline">
      <h2 id="your-timeline">Your allocations</h2>
      <QueryStates query={query} loading="Loading your allocations…" what="your allocations">
        {({ allocations }) => (
          <AllocationTimeline
            allocations={allocations.edges.map(({ node }) => toTimelineAllocation(node))}
            fromWeek={fromWeek}
            weeks={weeks}
            thisWeek={fromWeek}
            title={`Your work for ${weeks} weeks from ${dateLabel(fromWeek)}`}
            emptyMessage="You have no agreed or proposed work in the next six months."
            showAnalyst={false}
          />
        )}
      </QueryStates>
    </section>
  );
}
