import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../components/PageHeading.tsx';
import { QueryStates } from '../components/QueryStates.tsx';
import { graphql } from '../graphql.ts';
import { sections } from '../sections.ts';
import { useSignedInUser, type SignedInUser } from '../session/SessionProvider.tsx';
import { HomeActions } from './home/HomeActions.tsx';
import { MyTimeline } from './home/MyTimeline.tsx';

export const HomeQuery = graphql(`
  query Home {
    poolSummary { organisations analysts openRequests }
  }
`);

export function HomePage() {
  const me = useSignedInUser();
  const query = useQuery({ query: HomeQuery });

  return (
    <>
      <PageHeading caption={me.ics.name}>{`Welcome, ${me.name}`}</PageHeading>
      <Welcome me={me} />
      <HomeActions />
      {me.role === 'ANALYST' && me.analyst && <MyTimeline analystId={me.analyst.id} />}
      <h2>At a glance</h2>
      <QueryStates query={query} loading="Loading the summary…" what="the summary">
        {({ poolSummary: summary }) => (
          <>
            {summary.analysts === 0 && (
              <div className="nhsuk-inset-text">
                <p>There are no analysts in the pool yet. Once partners add their analysts, they appear here.</p>
              </div>
            )}
            <ul className="nhsuk-grid-row nhsuk-card-group">
              <SummaryCard count={summary.organisations} label={`partner organisations in ${me.ics.name}`} />
              <SummaryCard count={summary.analysts} label="analysts in the pool" />
              <SummaryCard count={summary.openRequests} label="requests waiting for a match" />
            </ul>
          </>
        )}
      </QueryStates>
    </>
  );
}

function Welcome({ me }: { me: SignedInUser }) {
  switch (me.role) {
    case 'WORKFORCE_LEAD':
      return (
        <p className="nhsuk-lede-text">
          You look after the shared analyst workforce across {me.ics.name}: its partners, skills and fair matching of
          analysts to requests. Check and confirm <Link to={sections.allocations.path}>proposals</Link>, see who works where on the{' '}
          <Link to="/allocations/timeline">allocations timeline</Link>, or start with the{' '}
          <Link to={sections.organisations.path}>organisations</Link> or the <Link to={sections.analysts.path}>analyst directory</Link>.
        </p>
      );
    case 'ORGANISATION_LEAD':
      return (
        <p className="nhsuk-lede-text">
          You lead analysts at {me.organisation?.name ?? 'your organisation'}. Raise{' '}
          <Link to={sections.projects.path}>projects</Link> that need specialist time, find analysts in the{' '}
          <Link to={sections.analysts.path}>directory</Link>, and decide on{' '}
          <Link to={sections.allocations.path}>proposals and releases</Link>.
        </p>
      );
    case 'ANALYST':
      return (
        <p className="nhsuk-lede-text">
          You are part of the shared analyst pool in {me.ics.name}.{' '}
          {me.analyst ? (
            <>
              Keep <Link to={`${sections.analysts.path}/${me.analyst.id}`}>your profile</Link> up to date so your skills
              reach the projects that need them.
            </>
          ) : (
            <>Browse <Link to={sections.projects.path}>projects</Link> to see where analysts are needed.</>
          )}
        </p>
      );
  }
}

function SummaryCard({ count, label }: { count: number; label: string }) {
  return (
    <li className="nhsuk-grid-column-one-third nhsuk-card-group__item">
      <div className="nhsuk-card">
        <div className="nhsuk-card__content">
          <p className="nhsuk-card__description">
            <span className="app-count">{count.toLocaleString('en-GB')}</span> {label}
          </p>
        </div>
      </div>
    </li>
  );
}
