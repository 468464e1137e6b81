import { Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ValidationFailedError, type FieldIssue } from '../errors.ts';

// PostgreSQL cannot store the NUL character (U+0000) in text, nor compare text with it, so text holding
// one would fail deep in a query. It is refused up front, in variables and in literals alike, naming where
// it is; a file saved as UTF-16 rather than UTF-8 is the usual way one arrives.

const MESSAGE = 'Contains a NUL character, which text cannot hold (was a file saved as UTF-16 rather than CSV UTF-8?).';

export function useNoNulCharacters(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const issues = [...nulsInVariables(args.variableValues ?? {}, []), ...nulsInLiterals(args.document)];
      if (issues.length > 0) setResultAndStopExecution({ errors: [new ValidationFailedError(issues)] });
    },
  };
}

function nulsInVariables(value: unknown, path: (string | number)[]): FieldIssue[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path, message: MESSAGE }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulsInVariables(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nulsInVariables(item, [...path, key]));
  return [];
}

function nulsInLiterals(document: DocumentNode): FieldIssue[] {
  const issues: FieldIssue[] = [];
  visit(document, {
    [Kind.ARGUMENT](node) {
      visit(node.value, {
        [Kind.STRING](literal) {
          if (literal.value.includes('\u0000')) issues.push({ path: [node.name.value], message: MESSAGE });
        },
      });
    },
  });
  return issues;
}
