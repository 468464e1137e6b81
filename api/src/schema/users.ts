import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import { isWorkforceLead } from '../auth/policy.ts';
import { passwordChangeSettled } from '../auth/password-attempt-limits.ts';
import type { Viewer } from '../auth/session.ts';
import { viewerOf } from '../context.ts';
import { InvalidCredentialsError } from '../errors.ts';
import { createUser, resetUserPassword, setUserDisabled, updateUserAccess } from '../services/users/accounts.ts';
import { changeOwnPassword } from '../services/users/own-password.ts';
import { RoleEnum, User } from './auth.ts';
import { builder } from './builder.ts';
import * as valid from './validation.ts';

const workforceLeadsOnly = (_parent: unknown, _args: unknown, context: { viewer: Viewer | null }) => isWorkforceLead(context.viewer);

/** Account details for workforce leads (who manage accounts) and the user themself; null to anyone else. */
const accountManagers = {
  authScopes: (user: { id: string }, _args: unknown, context: { viewer: Viewer | null }) =>
    isWorkforceLead(context.viewer) || context.viewer?.userId === user.id,
  unauthorizedResolver: () => null,
} as const;

builder.prismaObjectFields('User', (t) => ({
  disabled: t.exposeBoolean('disabled', { nullable: true, ...accountManagers, description: 'A disabled user cannot sign in. Workforce leads and the user only.' }),
  lastSignInAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true, ...accountManagers, description: 'Null when they never signed in. Workforce leads and the user only.' }),
  passwordChangeRequired: t.exposeBoolean('passwordChangeRequired', {
    nullable: true,
    ...accountManagers,
    description: 'Signed in with a temporary password: until changePassword, every other operation is PASSWORD_CHANGE_REQUIRED.',
  }),
}));

const UserConnection = builder.connectionObject({ type: User, name: 'UserConnection' });

const UserFilter = builder.inputType('UserFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Matches the email or the name.', validate: valid.search }),
    role: t.field({ type: RoleEnum }),
    organisationId: t.id({ validate: valid.optionalId }),
    disabled: t.boolean({ description: 'Only disabled (true) or only enabled (false) accounts.' }),
  }),
});

function usersWhere(viewer: Viewer, filter: typeof UserFilter.$inferInput | null | undefined): Prisma.UserWhereInput {
  const { search, role, organisationId, disabled } = filter ?? {};
  return {
    icsId: viewer.icsId,
    ...(role ? { role } : {}),
    ...(organisationId ? { organisationId } : {}),
    ...(typeof disabled === 'boolean' ? { disabled } : {}),
    ...(search ? { OR: [{ email: { contains: search, mode: 'insensitive' } }, { name: { contains: search, mode: 'insensitive' } }] } : {}),
  };
}

builder.queryFields((t) => ({
  users: t.prismaConnection(
    {
      type: 'User',
      cursor: 'id',
      defaultSize: 25,
      description: 'Workforce lead: the accounts of your ICS, by email.',
      authScopes: workforceLeadsOnly,
      args: { filter: t.arg({ type: UserFilter }) },
      totalCount: (_connection, { filter }, context) => context.prisma.user.count({ where: usersWhere(viewerOf(context), filter) }),
      resolve: (query, _root, { filter }, context) =>
        context.prisma.user.findMany({ ...query, where: usersWhere(viewerOf(context), filter), orderBy: [{ email: 'asc' }, { id: 'asc' }] }),
    },
    UserConnection,
  ),
  user: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'Workforce lead: an account of your ICS; null for any other id.',
    authScopes: workforceLeadsOnly,
    args: { id: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (query, _root, { id }, context) => context.prisma.user.findFirst({ ...query, where: { id, icsId: viewerOf(context).icsId } }),
  }),
  analystsWithoutAccount: t.prismaField({
    type: ['Analyst'],
    description: 'Workforce lead: the analysts of an organisation of your ICS, still in the pool, that no account is linked to, by name.',
    authScopes: workforceLeadsOnly,
    args: { organisationId: t.arg.id({ required: true, validate: valid.id }) },
    resolve: (query, _root, { organisationId }, context) =>
      context.prisma.analyst.findMany({
        ...query,
        where: { icsId: viewerOf(context).icsId, organisationId, status: 'ACTIVE', user: { is: null } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
}));

const email = z.email({ message: 'Enter an email address in the correct format, like name@example.org.' }).max(254, { message: 'Enter an email address of at most 254 characters.' });
const name = z.string().trim().min(1, { message: 'Enter the person’s name.' }).max(200, { message: 'Enter a name of at most 200 characters.' });

type Types = typeof builder.$inferSchemaTypes;

const accessFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  role: t.field({ type: RoleEnum, required: true }),
  organisationId: t.id({ description: 'Required for organisation leads and analysts.', validate: valid.optionalId }),
  analystId: t.id({ description: 'Analysts only: the analyst this account is, of that organisation, with no other account.', validate: valid.optionalId }),
});

const UserAccessInput = builder.inputType('UserAccessInput', { fields: accessFields });

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true, description: 'Stored trimmed and in lower case; unique.', validate: z.string().trim().pipe(email) }),
    name: t.string({ required: true, validate: name }),
    ...accessFields(t),
    temporaryPassword: t.string({ required: true, description: 'At least 12 characters, not the email. The user must change it at their first sign-in.' }),
  }),
});

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: 'User',
    description: 'Workforce lead: a new account of your ICS, signing in with a temporary password it must replace first.',
    authScopes: workforceLeadsOnly,
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const { id } = await createUser(context.prisma, viewerOf(context), input);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateUserAccess: t.prismaField({
    type: 'User',
    description:
      'Workforce lead: changes an account’s role, organisation and linked analyst, and signs them out everywhere. ' +
      'OWN_ACCOUNT for your own; LAST_WORKFORCE_LEAD when it would leave the ICS without an enabled workforce lead.',
    authScopes: workforceLeadsOnly,
    args: { id: t.arg.id({ required: true, validate: valid.id }), input: t.arg({ type: UserAccessInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      await updateUserAccess(context.prisma, viewerOf(context), id, input);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setUserDisabled: t.prismaField({
    type: 'User',
    description:
      'Workforce lead: disables an account (signed out everywhere, sign-in refused) or enables it again. ' +
      'OWN_ACCOUNT for your own; LAST_WORKFORCE_LEAD for the last enabled workforce lead; INVALID_TRANSITION to enable a leaver.',
    authScopes: workforceLeadsOnly,
    args: { id: t.arg.id({ required: true, validate: valid.id }), disabled: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, { id, disabled }, context) => {
      await setUserDisabled(context.prisma, viewerOf(context), id, disabled);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  resetUserPassword: t.prismaField({
    type: 'User',
    description: 'Workforce lead: sets a temporary password the user must replace at their next sign-in, and signs them out everywhere.',
    authScopes: workforceLeadsOnly,
    args: { id: t.arg.id({ required: true, validate: valid.id }), temporaryPassword: t.arg.string({ required: true }) },
    resolve: async (query, _root, { id, temporaryPassword }, context) => {
      await resetUserPassword(context.prisma, viewerOf(context), id, temporaryPassword);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  changePassword: t.prismaField({
    type: 'User',
    description:
      'Replaces your password: INVALID_CREDENTIALS when the current one is wrong; the new one has at least 12 characters and is neither ' +
      'your email nor the current one. After 5 wrong current passwords in 15 minutes, TOO_MANY_ATTEMPTS. Your other sessions end; this one ' +
      'carries on.',
    authScopes: { authenticated: true },
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const viewer = viewerOf(context);
      // Only a wrong current password counts towards the limit on attempts.
      await changeOwnPassword(context.prisma, viewer, args).catch(async (error: unknown) => {
        if (!(error instanceof InvalidCredentialsError)) await passwordChangeSettled(context.request, viewer.userId, 'refusedForAnotherReason');
        throw error;
      });
      await passwordChangeSettled(context.request, viewer.userId, 'succeeded');
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: viewer.userId } });
    },
  }),
}));
