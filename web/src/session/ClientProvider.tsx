import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { createUrqlClient, type UrqlClientOptions } from '../urql-client.ts';

const ResetClientContext = createContext<(() => void) | null>(null);

interface ClientProviderProps {
  children: ReactNode;
  createClient?: (options: UrqlClientOptions) => Client;
}

/**
 * Holds the one urql client. Signing in or out replaces it, and so does an UNAUTHENTICATED answer
 * (an expired session). The tree below is mounted afresh with the new client, so no query result or
 * component state from one session survives into the next.
 */
export function ClientProvider({ children, createClient = createUrqlClient }: ClientProviderProps) {
  const [session, setSession] = useState(() => ({ client: freshClient(), generation: 0 }));

  function freshClient(): Client {
    let replaced = false;
    return createClient({
      onUnauthenticated() {
        if (replaced) return;
        replaced = true;
        resetClient();
      },
    });
  }

  const resetClient = useCallback(
    () => setSession((current) => ({ client: freshClient(), generation: current.generation + 1 })),
    [],
  );

  return (
    <ResetClientContext.Provider value={resetClient}>
      <Provider key={session.generation} value={session.client}>
        {children}
      </Provider>
    </ResetClientContext.Provider>
  );
}

export function useResetClient(): () => void {
  const resetClient = useContext(ResetClientContext);
  if (!resetClient) throw new Error('useResetClient must be used inside <ClientProvider>');
  return resetClient;
}
