import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';

// Sized from the web client's biggest operations (the matching run page nests 8 deep, the proposals to
// decide cost about 16,500, the longest has about 200 tokens, none uses more than 2 aliases) and from API
// callers reading a whole matching run with its explanations (about 41,000), with room to grow;
// tests/integration/api-limits.test.ts runs every persisted operation against them.
const GRAPHQL_LIMITS = {
  depth: 10,
  cost: 100_000,
  aliases: 10,
  directives: 10,
  tokens: 1_000,
} as const;

const QUERY_TOO_COMPLEX: ErrorCode = 'QUERY_TOO_COMPLEX';

/**
 * A refusal in our words and with a code, in place of the library's "Syntax Error: …"; the limits
 * themselves are never told to the caller.
 */
function refuse(message: string) {
  return {
    exposeLimits: false,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(new GraphQLError(message, { extensions: { code: QUERY_TOO_COMPLEX } }))],
  };
}

export function useGraphqlLimits(): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: GRAPHQL_LIMITS.depth, ...refuse('The query nests fields too deeply.') },
    costLimit: { maxCost: GRAPHQL_LIMITS.cost, ...refuse('The query asks for too much at once.') },
    maxAliases: { n: GRAPHQL_LIMITS.aliases, ...refuse('The query uses too many aliases.') },
    maxDirectives: { n: GRAPHQL_LIMITS.directives, ...refuse('The query uses too many directives.') },
    // Counted while parsing, before there is a validation context to report to: the parser's own error.
    maxTokens: { n: GRAPHQL_LIMITS.tokens, exposeLimits: false, errorMessage: 'The query is too long.' },
    blockFieldSuggestion: { enabled: true },
  });
}
