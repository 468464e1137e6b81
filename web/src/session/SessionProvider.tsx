import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { useResetClient } from './ClientProvider.tsx';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      role
      passwordChangeRequired
      organisation { id name }
      analyst { id }
      ics { id name }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export type SignedInUser = NonNullable<ResultOf<typeof MeQuery>['me']>;
export type Role = SignedInUser['role'];

interface Session {
  /** undefined while the first answer is on its way; null when signed out. */
  me: SignedInUser | null | undefined;
  error: CombinedError | undefined;
  retry: () => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [result, reexecute] = useQuery({ query: MeQuery });
  const [, logout] = useMutation(LogoutMutation);
  const resetClient = useResetClient();

  const signOut = useCallback(async () => {
    await logout({});
    resetClient();
  }, [logout, resetClient]);

  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  const session = useMemo<Session>(
    () => ({ me: result.data ? result.data.me : undefined, error: result.error, retry, signOut }),
    [result.data, result.error, retry, signOut],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user; only for components rendered behind <RequireSignIn>. */
export function useSignedInUser(): SignedInUser {
  const { me } = useSession();
  if (!me) throw new Error('useSignedInUser must be used behind <RequireSignIn>');
  return me;
}
