import { Table } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PagedResults, useCursorPage } from '../../components/CursorPagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { graphql, type ResultOf } from '../../graphql.ts';
import { roleLabels } from '../../sections.ts';
import { accountStateLabel, lastSignInLabel } from './accountLabels.ts';
import { UsersFilters } from './UsersFilters.tsx';
import { readUsersFields, usersFilter, usersPageSize, type UsersFilterFields } from './usersFilter.ts';

export const UsersQuery = graphql(`
  query Users($first: Int!, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id email name role disabled passwordChangeRequired lastSignInAt organisation { id name } analyst { id name } }
      }
    }
  }
`);

type UserRow = ResultOf<typeof UsersQuery>['users']['edges'][number]['node'];

/** The workforce lead's list of the ICS's accounts, with a way to create one. */
export function UsersPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const fields = readUsersFields(searchParams);

  return (
    <>
      <PageHeading>Users</PageHeading>
      <p className="nhsuk-lede-text">Everyone who signs in to Analyst Pool for your ICS, by email address.</p>
      <p>
        <Link className="nhsuk-button" to="/users/new">
          Create a user
        </Link>
      </p>
      <UsersFilters fields={fields} onApply={setSearchParams} />
      <Users fields={fields} />
    </>
  );
}

function Users({ fields }: { fields: UsersFilterFields }) {
  const { after } = useCursorPage();
  const query = useQuery({ query: UsersQuery, variables: { first: usersPageSize, after, filter: usersFilter(fields) } });

  return (
    <QueryStates query={query} loading="Loading users…" what="users">
      {({ users }) =>
        users.edges.length === 0 ? (
          <p>No users match these filters.</p>
        ) : (
          <PagedResults connection={users} pageSize={usersPageSize} noun={['user', 'users']}>
            <UsersTable users={users.edges.map(({ node }) => node)} />
          </PagedResults>
        )
      }
    </QueryStates>
  );
}

function UsersTable({ users }: { users: readonly UserRow[] }) {
  const { pageNumber } = useCursorPage();
  return (
    <Table responsive firstCellIsHeader caption={`Users, page ${pageNumber}`} captionProps={{ size: 'm' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Email address</Table.Cell>
          <Table.Cell>Name</Table.Cell>
          <Table.Cell>Role</Table.Cell>
          <Table.Cell>Organisation</Table.Cell>
          <Table.Cell>Analyst</Table.Cell>
          <Table.Cell>Account</Table.Cell>
          <Table.Cell>Last signed in</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {users.map((user) => (
          <Table.Row key={user.id}>
            <Table.Cell>
              <Link to={`/users/${user.id}`}>{user.email}</Link>
            </Table.Cell>
            <Table.Cell>{user.name}</Table.Cell>
            <Table.Cell>{roleLabels[user.role]}</Table.Cell>
            <Table.Cell>{user.organisation?.name ?? 'None'}</Table.Cell>
            <Table.Cell>{user.analyst ? <Link to={`/analysts/${user.analyst.id}`}>{user.analyst.name}</Link> : 'None'}</Table.Cell>
            <Table.Cell>{accountStateLabel(user)}</Table.Cell>
            <Table.Cell>{lastSignInLabel(user.lastSignInAt)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
