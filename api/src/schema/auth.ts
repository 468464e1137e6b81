import { Role } from '../generated/prisma/enums.ts';
import { clearedSessionCookie, sessionCookie } from '../auth/session.ts';
import { signInSucceeded } from '../auth/password-attempt-limits.ts';
import { signIn, signOut } from '../services/authentication.ts';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { builder } from './builder.ts';

export const RoleEnum = builder.enumType(Role, { name: 'Role' });

export const User = builder.prismaObject('User', {
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    organisation: t.relation('organisation', { nullable: true }),
    analyst: t.relation('analyst', { nullable: true }),
    ics: t.relation('ics'),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: User,
    nullable: true,
    description: 'The signed-in user; null when signed out.',
    authScopes: { public: true },
    // queryFromInfo rather than t.prismaField: signed out, there is nothing to query.
    resolve: (_root, _args, context, info) =>
      context.viewer
        ? context.prisma.user.findUnique({ ...queryFromInfo({ context, info }), where: { id: context.viewer.userId } })
        : null,
  }),
);

builder.mutationFields((t) => ({
  login: t.prismaField({
    type: 'User',
    description:
      'Starts a session and sets the session cookie; INVALID_CREDENTIALS otherwise, and TOO_MANY_ATTEMPTS after too many recent failures for the email or the address.',
    authScopes: { public: true },
    args: {
      email: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, { email, password }, context) => {
      const { prisma, request, sessionToken, setCookie, now, sessions } = context;
      const session = await signIn(prisma, { email, password, previousToken: sessionToken, now: now(), settings: sessions });
      await signInSucceeded(request, email);
      setCookie(sessionCookie(context, session.token, sessions));
      return prisma.user.findUniqueOrThrow({ ...query, where: { id: session.userId } });
    },
  }),
  logout: t.boolean({
    description: 'Ends the current session (if any) and clears the session cookie.',
    authScopes: { public: true },
    resolve: async (_root, _args, context) => {
      const { prisma, sessionToken, viewer, setCookie } = context;
      if (sessionToken) await signOut(prisma, sessionToken, viewer);
      setCookie(clearedSessionCookie(context));
      return true;
    },
  }),
}));
