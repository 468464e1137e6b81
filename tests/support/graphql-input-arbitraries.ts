import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLList,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';

// fast-check arbitraries derived from the GraphQL schema: for each root field with arguments, an operation
// taking every argument as a variable, and arbitraries of variables that are well-typed (values at the edges
// of each type) or ill-typed (one argument of the wrong kind, missing, malformed or with an extra field).

export interface RootField {
  operationType: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The operation text, the field's arguments bound to variables of the same names. */
  document: string;
}

type NullableInputType = GraphQLScalarType | GraphQLEnumType | GraphQLInputObjectType | GraphQLList<GraphQLInputType>;

/** Real ids by GraphQL type name (Project, Request, …), mixed in with random ones so cases reach past "not found". */
export type IdPool = Readonly<Record<string, readonly string[]>>;

/** Where a value goes: the ids to draw from, and the type an id there most likely names. */
interface Place {
  ids: IdPool;
  entity: string | null;
}

/** An argument or input field named `projectId`, `mentorAllocationId` or `ids` names its type, or its parent's. */
function placeOf(name: string, parent: Place): Place {
  const prefix = /^(.*?)Ids?$/.exec(name)?.[1]?.toLowerCase();
  const entity = prefix ? Object.keys(parent.ids).find((type) => prefix.endsWith(type.toLowerCase())) : undefined;
  return { ids: parent.ids, entity: entity ?? (prefix ? null : parent.entity) };
}

/** The type a root field's plain `id` most likely names: its result's type, or a type in its name. */
function entityOf(field: GraphQLField<unknown, unknown>, ids: IdPool): string | null {
  const result = getNamedType(field.type).name;
  return result in ids ? result : (Object.keys(ids).find((type) => field.name.toLowerCase().includes(type.toLowerCase())) ?? null);
}

/** Every query and mutation that takes arguments. */
export function rootFieldsWithArguments(schema: GraphQLSchema): RootField[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([operationType, root]) =>
    Object.values(root?.getFields() ?? {})
      .filter((field) => field.args.length > 0)
      .map((field) => ({ operationType, field, document: documentOf(operationType, field) })),
  );
}

/** Variables for a field: all well-typed, or all but one, which is ill-typed or left out. */
export function argumentArbitraries(field: GraphQLField<unknown, unknown>, ids: IdPool) {
  const at: Place = { ids, entity: entityOf(field, ids) };
  return {
    wellTyped: argumentsOf(field.args, (arg) => wellTyped(arg.type, placeOf(arg.name, at))),
    illTyped: illTypedArguments(field.args, at),
  };
}

function documentOf(operationType: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  // Only the arguments are under test: select the cheapest field of a composite result.
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${operationType} Fuzz(${variables}) { ${field.name}(${args})${selection} }`;
}

function argumentsOf(
  args: readonly GraphQLArgument[],
  valueOf: (arg: GraphQLArgument) => fc.Arbitrary<unknown>,
): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(args.map((arg) => [arg.name, valueOf(arg)])), {
    requiredKeys: args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name),
  });
}

/** Well-typed arguments except one, which is ill-typed or left out. */
function illTypedArguments(args: readonly GraphQLArgument[], at: Place): fc.Arbitrary<Record<string, unknown>> {
  return fc.integer({ min: 0, max: args.length - 1 }).chain((broken) =>
    fc.record(
      Object.fromEntries(
        args.map((arg, index) => {
          const place = placeOf(arg.name, at);
          return [arg.name, index === broken ? fc.option(illTyped(arg.type, place), { nil: undefined }) : wellTyped(arg.type, place)];
        }),
      ),
      { requiredKeys: args.filter((arg, index) => isNonNullType(arg.type) && index !== broken).map((arg) => arg.name) },
    ),
  );
}

const WEEK_MS = 7 * 86_400_000;
const MONDAY_2026_11_23 = Date.UTC(2026, 10, 23);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Mostly weeks around today (some of them Mondays), and the far edges of what "YYYY-MM-DD" can say. */
const calendarDay = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -60, max: 120 }).map((weeks) => isoDay(MONDAY_2026_11_23 + weeks * WEEK_MS)) },
  { weight: 3, arbitrary: fc.integer({ min: -400, max: 800 }).map((days) => isoDay(MONDAY_2026_11_23 + days * 86_400_000)) },
  { weight: 1, arbitrary: fc.constantFrom('0000-01-01', '0001-01-03', '1899-12-30', '1970-01-01', '2000-02-29', '2028-02-29', '9999-12-27', '9999-12-31') },
);

const instant = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('1970-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '2026-11-23', '1'),
);

const text = fc.oneof(
  { weight: 8, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '%', '_', "'; drop table \"Analyst\"; --", '=cmd|/c calc', '😀'.repeat(60)) },
  { weight: 1, arbitrary: fc.string({ minLength: 201, maxLength: 5_000 }) },
);

// Small numbers first: versions, levels, page sizes and weeks are small, and a current version gets past STALE_VERSION.
const integer = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: -2, max: 120 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(-(2 ** 31), 2 ** 31 - 1) },
);

const float = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 12 }).map((tenths) => tenths / 10) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  fc.constantFrom(0, -0, 1e-300, 0.30000000000000004, 1e15, 1e300, -1e300, Number.MAX_SAFE_INTEGER + 2),
);

const malformedId = fc.constantFrom('', 'x', '1', 'null', '00000000-0000-0000-0000-00000000000g', '{00000000-0000-0000-0000-000000000000}', "' or 1=1 --");

/** Mostly a real id of the likely type, sometimes of another type, a random UUID or not a UUID at all. */
function id({ ids, entity }: Place): fc.Arbitrary<string> {
  const real = Object.values(ids).filter((pool) => pool.length > 0).map((pool) => fc.constantFrom(...pool));
  const likely = entity && ids[entity]?.length ? [{ weight: 6, arbitrary: fc.constantFrom(...ids[entity]) }] : [];
  return fc.oneof(...likely, ...(real.length > 0 ? [{ weight: 2, arbitrary: fc.oneof(...real) }] : []), { weight: 2, arbitrary: fc.uuid() }, { weight: 1, arbitrary: malformedId });
}

function scalar(name: string, at: Place): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return id(at);
    case 'String':
      return text;
    case 'Int':
      return integer;
    case 'Float':
      return float;
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return calendarDay;
    case 'DateTime':
      return instant;
    default:
      throw new Error(`No arbitrary for the scalar ${name}; add one.`);
  }
}

/** A value the GraphQL layer accepts for the type: edge cases are for the resolvers and services to handle. */
function wellTyped(type: GraphQLInputType, at: Place): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return present(type.ofType, at);
  // Often left out, so the other arguments are not all refused for one bad companion.
  return fc.option(present(type, at), { nil: null, freq: 2 });
}

function present(type: NullableInputType, at: Place): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = wellTyped(type.ofType, at);
    return fc.oneof({ weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: 50, maxLength: 300 }) });
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((field) => [field.name, wellTyped(field.type, placeOf(field.name, at))])), {
      requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name),
    });
  }
  return scalar(type.name, at);
}

const wrongKind = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 10 }),
  fc.constant({}),
  fc.constant([]),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Per scalar, values of the right JSON kind that the scalar must still refuse. */
const malformed: Record<string, fc.Arbitrary<unknown>> = {
  ID: fc.oneof(malformedId, fc.double(), fc.constant(true)),
  String: fc.oneof(fc.integer(), fc.constantFrom('a', 'é', '😀').map((unit) => unit.repeat(100_000))),
  Int: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1.5, '1', Number.MAX_SAFE_INTEGER * 4),
  Float: fc.constantFrom('1.0', '0,4', true, 'Infinity', 'NaN'),
  Boolean: fc.constantFrom('true', 1, 0, 'yes'),
  Date: fc.constantFrom('2027-02-30', '2027-1-4', '04/01/2027', '2027-01-04T00:00:00Z', '+012027-01-04', '', 20270104, '2027-13-01', '0000-00-00'),
  DateTime: fc.constantFrom('yesterday', '', '2027-02-30T00:00:00Z', 1_700_000_000_000, '2027-01-04T25:00:00Z'),
};

/** A value the type must refuse: the wrong JSON kind, a malformed scalar, null for non-null, a broken input object. */
function illTyped(type: GraphQLInputType, at: Place): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof(fc.constant(null), illTyped(type.ofType, at));
  if (isListType(type)) {
    const item = wellTyped(type.ofType, at);
    return fc.oneof(
      wrongKind.filter((value) => !Array.isArray(value)),
      fc.tuple(fc.array(item, { maxLength: 3 }), illTyped(type.ofType, at)).map(([items, bad]) => [...items, bad]),
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.oneof(fc.constantFrom(...values.map((value) => value.toLowerCase()), 'NOT_A_VALUE', ''), wrongKind);
  }
  if (isInputObjectType(type)) return illTypedInputObject(type, at);
  return fc.oneof(wrongKind, malformed[type.name] ?? wrongKind);
}

function illTypedInputObject(type: GraphQLInputObjectType, at: Place): fc.Arbitrary<unknown> {
  const fields = Object.values(type.getFields());
  const whole = present(type, at) as fc.Arbitrary<Record<string, unknown>>;
  const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
  return fc.oneof(
    wrongKind,
    whole.chain((value) => fc.string({ minLength: 1, maxLength: 12 }).map((extra) => ({ ...value, [`${extra}_extra`]: extra }))),
    ...(required.length > 0 ? [fc.tuple(whole, fc.constantFrom(...required)).map(([value, missing]) => omit(value, missing))] : []),
    fc.tuple(whole, fc.constantFrom(...fields)).chain(([value, field]) => illTyped(field.type, placeOf(field.name, at)).map((bad) => ({ ...value, [field.name]: bad }))),
  );
}

function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = value;
  return rest;
}
