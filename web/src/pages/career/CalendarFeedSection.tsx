import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql } from '../../graphql.ts';
import './career.css';

export const CalendarFeedQuery = graphql(`
  query CalendarFeed { hasCalendarFeed }
`);

export const RotateCalendarFeedMutation = graphql(`
  mutation RotateCalendarFeed { rotateCalendarFeed { path } }
`);

/** The analyst's allocations as a calendar subscription; a new link makes every earlier one stop working. */
export function CalendarFeedSection() {
  const query = useQuery({ query: CalendarFeedQuery });
  const [{ fetching, error }, rotate] = useMutation(RotateCalendarFeedMutation);
  const [link, setLink] = useState<string | null>(null);

  async function issue() {
    const result = await rotate({});
    if (result.data) {
      setLink(new URL(result.data.rotateCalendarFeed.path, window.location.origin).href);
      query[1]({ requestPolicy: 'network-only' });
    }
  }

  return (
    <>
      <h2>Your allocations in your calendar</h2>
      <p>
        Subscribe to this link in Outlook or another calendar app to see each week of your allocations, with the project, organisation
        and time. Anyone with the link can read it, so keep it to yourself; a new link stops the old one working.
      </p>
      <QueryStates query={query} loading="Checking your calendar link…" what="your calendar link">
        {({ hasCalendarFeed }) => (
          <>
            {link ? (
              <div className="nhsuk-inset-text" role="status">
                <p>Your calendar link (shown only now; copy it into your calendar app):</p>
                <p>
                  <code className="app-secret-link">{link}</code>
                </p>
              </div>
            ) : (
              <p>{hasCalendarFeed ? 'You have a calendar link in use.' : 'You have no calendar link yet.'}</p>
            )}
            {error && (
              <p className="nhsuk-error-message" role="alert">
                {error.graphQLErrors[0]?.message ?? 'Sorry, the service did not respond.'}
              </p>
            )}
            <Button type="button" secondary disabled={fetching} onClick={issue}>
              {hasCalendarFeed || link ? 'Get a new calendar link' : 'Get a calendar link'}
            </Button>
          </>
        )}
      </QueryStates>
    </>
  );
}
