import path from 'node:path';

/** Process configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  production: boolean;
  webDistDir: string;
  admin: { email: string; password: string; icsName: string; icsCode: string } | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got "${env.PORT}".`);
  const adminEmail = env.ADMIN_EMAIL?.trim();
  const adminPassword = env.ADMIN_PASSWORD;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new Error('Set both ADMIN_EMAIL and ADMIN_PASSWORD to create the first workforce lead, or neither.');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production: env.NODE_ENV === 'production',
    webDistDir: path.resolve(import.meta.dirname, '../../dist/web'),
    admin:
      adminEmail && adminPassword
        ? {
            email: adminEmail,
            password: adminPassword,
            icsName: env.ICS_NAME ?? 'Integrated Care System',
            icsCode: env.ICS_CODE ?? 'ICS',
          }
        : null,
  };
}
