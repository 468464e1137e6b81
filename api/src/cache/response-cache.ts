import { getOperationAST, Kind, print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { currentSnapshot, SnapshotCache, withKnownSnapshot } from './snapshot-cache.ts';

// The pages everyone opens most (the dashboard, the analyst directory, the allocations timeline and the
// insight reports) ask the same questions again and again while nothing changes. Their responses are kept
// per signed-in user, operation, variables and day, and served while the database snapshot is unchanged
// (snapshot-cache.ts), so a response is never older than the last committed write.

/**
 * Root fields whose answers depend only on the data, the signed-in user and the day, and that write nothing
 * (reading an analyst's profile, for one, is audited, so `analyst` is not here). An operation is kept only
 * when every root field is one of these.
 */
const KEPT_ROOT_FIELDS = new Set([
  '__typename',
  'me',
  'myActions',
  'analysts',
  'allocations',
  'organisations',
  'requests',
  'skills',
  'capacityDemand',
  'fairnessReport',
  'fairnessPeriods',
  'utilisation',
  'poolSummary',
  'users',
]);

const responseCache = new SnapshotCache({ max: 5_000, maxCharacters: 6 * 1024 * 1024 });

/** Parsed documents are reused by Yoga's parser cache, so their printed form is worked out once each. */
const printedDocuments = new WeakMap<DocumentNode, string>();

function keptOperation(document: DocumentNode, operationName: string | null | undefined): string | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return null;
  const rootFieldsKept = operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && KEPT_ROOT_FIELDS.has(selection.name.value),
  );
  if (!rootFieldsKept) return null;
  let printed = printedDocuments.get(document);
  if (printed === undefined) {
    printed = print(document);
    printedDocuments.set(document, printed);
  }
  return printed;
}

/**
 * A response as it is kept: its JSON only, written once when it was computed. Yoga sends a result's own
 * `stringify` instead of serialising it again, so a kept response costs neither the memory of its objects nor
 * a serialisation per request.
 */
type SerialisedResult = ExecutionResult & { stringify: () => string };

/** Executions under way, by key and snapshot: the same request arriving meanwhile waits for their result. */
const executing = new Map<string, Promise<SerialisedResult | null>>();

const keepable = (result: ExecutionResult | AsyncIterable<unknown>): result is ExecutionResult =>
  !(Symbol.asyncIterator in result) && !result.errors?.length;

/** Serialises the result once, for this response (`result`) and for keeping (`kept`, its JSON alone). */
function serialised(result: ExecutionResult): { json: string; result: SerialisedResult; kept: SerialisedResult } {
  const json = JSON.stringify(result);
  const stringify = () => json;
  return { json, result: Object.assign(result, { stringify }), kept: { stringify } };
}

export function useReadResponseCache(): Plugin<Context> {
  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const context = args.contextValue;
      const viewer = context.viewer;
      if (!viewer) return;
      const operation = keptOperation(args.document, args.operationName);
      if (operation === null) return;
      const today = context.now().toISOString().slice(0, 10);
      const key = JSON.stringify([viewer.userId, viewer.sessionId, today, operation, args.operationName ?? null, args.variableValues ?? null]);
      const snapshot = context.snapshot ?? (await currentSnapshot(context.prisma));
      const name = `${snapshot}|${key}`;
      const kept = responseCache.peek<SerialisedResult>(key, snapshot) ?? (await executing.get(name));
      if (kept) {
        setResultAndStopExecution(kept);
        return;
      }
      setExecuteFn((executeArgs) => {
        const execution = Promise.resolve(withKnownSnapshot(snapshot, () => executeFn(executeArgs)));
        const done = execution.then(
          (result) => (keepable(result) ? serialised(result) : null),
          () => null,
        );
        const shared = done.then((response) => response?.kept ?? null);
        executing.set(name, shared);
        void done.then((response) => {
          if (executing.get(name) === shared) executing.delete(name);
          if (response) responseCache.keep(key, snapshot, response.kept, response.json.length);
        });
        return done.then((response) => response?.result ?? execution);
      });
    },
  };
}
