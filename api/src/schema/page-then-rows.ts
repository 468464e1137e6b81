/** How a Pothos Prisma connection asks for its page: the selection and the cursor paging arguments. */
interface ConnectionQuery {
  take?: number;
  skip?: number;
  cursor?: unknown;
}

type Paging<Query extends ConnectionQuery> = Pick<Query, 'take' | 'skip' | 'cursor'>;
type Selection<Query extends ConnectionQuery> = Omit<Query, 'take' | 'skip' | 'cursor'>;

/**
 * A connection's page in two statements whatever the operation selects: first the ids of the page, in list order,
 * then those rows with every relation asked for joined in. Joined in the statement that sorts, PostgreSQL would
 * build the relations of every matching row before keeping the page; read relation by relation, each relation
 * costs a statement (the allocations timeline's 100 rows: about 2 ms of database time in 2 statements, against
 * 10 ms joined, or 5 statements relation by relation).
 */
export async function pageThenRows<Query extends ConnectionQuery, Row extends { id: string }>(
  query: Query,
  pageIds: (paging: Paging<Query>) => Promise<{ id: string }[]>,
  rowsWithIds: (selection: Selection<Query>, ids: string[]) => Promise<Row[]>,
): Promise<Row[]> {
  const { take, skip, cursor, ...selection } = query;
  const ids = (await pageIds({ take, skip, cursor } as Paging<Query>)).map((row) => row.id);
  if (ids.length === 0) return [];
  const byId = new Map((await rowsWithIds(selection, ids)).map((row) => [row.id, row]));
  // A row deleted between the two statements is left out of the page rather than answered half-read.
  return ids.flatMap((id) => byId.get(id) ?? []);
}
