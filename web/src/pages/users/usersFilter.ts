export interface UsersFilterFields {
  search: string;
  role: string;
  organisationId: string;
  /** "enabled", "disabled" or "" for both. */
  state: string;
}

export const usersPageSize = 25;

/** The users list's filters live in the URL (q, role, organisation, state) so reload and back keep them. */
export const usersParams = { search: 'q', role: 'role', organisationId: 'organisation', state: 'state' } as const;

export function readUsersFields(searchParams: URLSearchParams): UsersFilterFields {
  return {
    search: searchParams.get(usersParams.search) ?? '',
    role: searchParams.get(usersParams.role) ?? '',
    organisationId: searchParams.get(usersParams.organisationId) ?? '',
    state: searchParams.get(usersParams.state) ?? '',
  };
}

type Role = 'WORKFORCE_LEAD' | 'ORGANISATION_LEAD' | 'ANALYST';
const ROLES: readonly string[] = ['WORKFORCE_LEAD', 'ORGANISATION_LEAD', 'ANALYST'] satisfies Role[];

/** The API's filter; values the URL holds that mean nothing are left out. */
export function usersFilter({ search, role, organisationId, state }: UsersFilterFields) {
  return {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(ROLES.includes(role) ? { role: role as Role } : {}),
    ...(organisationId ? { organisationId } : {}),
    ...(state === 'enabled' || state === 'disabled' ? { disabled: state === 'disabled' } : {}),
  };
}
