import { getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { PasswordChangeRequiredError } from '../errors.ts';

/** What a session signed in with a temporary password may still do: see who it is, replace the password, sign out or in. */
export const OPEN_TO_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'logout', 'login', '__typename']);

/**
 * Answers PASSWORD_CHANGE_REQUIRED to any other operation of such a session, before it runs, whatever its
 * root fields' own rules would allow.
 */
export function usePasswordChangeGate(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!args.contextValue.viewer?.passwordChangeRequired) return;
      const operation = getOperationAST(args.document, args.operationName);
      const open = operation?.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && OPEN_TO_PASSWORD_CHANGE.has(selection.name.value),
      );
      if (!open) setResultAndStopExecution({ errors: [new PasswordChangeRequiredError()] });
    },
  };
}
