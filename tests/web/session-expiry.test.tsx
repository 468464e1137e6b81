// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientProvider } from '../../web/src/session/ClientProvider.tsx';
import { RequireSignIn } from '../../web/src/session/RequireSignIn.tsx';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';
import { createUrqlClient } from '../../web/src/urql-client.ts';

afterEach(cleanup);

const signedInLead = {
  id: 'u1',
  name: 'Harriet Cole',
  role: 'ORGANISATION_LEAD',
  organisation: { id: 'o1', name: 'St Brigid’s Hospice' },
  analyst: null,
  ics: { id: 'i1', name: 'Riverside ICS' },
};

/**
 * The API as the browser sees it when the session ends between two requests: `me` answers the lead until a
 * protected query gets UNAUTHENTICATED, then null.
 */
function apiWhoseSessionExpires(): typeof fetch {
  let expired = false;
  const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  return async (url) => {
    // urql sends queries as GET, the operation in the URL.
    const operationName = new URL(String(url), 'http://localhost').searchParams.get('operationName');
    if (operationName === 'Me') return json({ data: { me: expired ? null : signedInLead } });
    expired = true;
    return json({ data: null, errors: [{ message: 'You must sign in to do this.', extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}

function AnalystCount() {
  const [{ data, error }] = useQuery({ query: 'query AnalystCount { analysts { totalCount } }' });
  return <p>{error ? error.message : `${data?.analysts.totalCount ?? '…'} analysts`}</p>;
}

function SignInAt() {
  const location = useLocation();
  return <h1>Sign in (from {new URLSearchParams(location.search).get('returnTo')})</h1>;
}

describe('an expired session', () => {
  it('sends the user to sign in, to come back to the page they were on', async () => {
    const api = apiWhoseSessionExpires();
    document.body.classList.add('nhsuk-frontend-supported');
    render(
      <ClientProvider createClient={(options) => createUrqlClient({ ...options, persistedOperations: false, fetch: api })}>
        <MemoryRouter initialEntries={['/analysts?q=data']}>
          <SessionProvider>
            <Routes>
              <Route path="sign-in" element={<SignInAt />} />
              <Route element={<RequireSignIn />}>
                <Route path="analysts" element={<AnalystCount />} />
              </Route>
            </Routes>
          </SessionProvider>
        </MemoryRouter>
      </ClientProvider>,
    );

    expect(await screen.findByRole('heading', { name: 'Sign in (from /analysts?q=data)' })).toBeDefined();
  });
});
