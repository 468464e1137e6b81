import path from 'node:path';
import { readSessionSettings, type SessionSettings } from './auth/session-settings.ts';

/** Process configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  production: boolean;
  /** Honour X-Forwarded-Proto (HTTPS detection for Strict-Transport-Security): a reverse proxy in front sets it. */
  trustProxy: boolean;
  webDistDir: string;
  admin: { email: string; password: string; icsName: string; icsCode: string } | null;
  /** Session lifetimes (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS). */
  sessions: SessionSettings;
  /** After SIGTERM or SIGINT, how long in-flight requests may take before their connections are closed. */
  shutdownGraceMs: number;
  /** Whole months after leaving before a leaver's personal data is anonymised. */
  retentionMonthsAfterLeaving: number;
  /** Whole months a record of who opened whose profile is kept. */
  profileReadRetentionMonths: number;
}

/** RETENTION_MONTHS_AFTER_LEAVING when unset. */
export const DEFAULT_RETENTION_MONTHS_AFTER_LEAVING = 24;

/** PROFILE_READ_RETENTION_MONTHS when unset. */
export const DEFAULT_PROFILE_READ_RETENTION_MONTHS = 24;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got "${env.PORT}".`);
  const adminEmail = env.ADMIN_EMAIL?.trim();
  const adminPassword = env.ADMIN_PASSWORD;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new Error('Set both ADMIN_EMAIL and ADMIN_PASSWORD to create the first workforce lead, or neither.');
  }
  const retentionMonths = readMonths(env, 'RETENTION_MONTHS_AFTER_LEAVING', DEFAULT_RETENTION_MONTHS_AFTER_LEAVING);
  const profileReadRetentionMonths = readMonths(env, 'PROFILE_READ_RETENTION_MONTHS', DEFAULT_PROFILE_READ_RETENTION_MONTHS);
  const graceSeconds = Number(env.SHUTDOWN_GRACE_SECONDS?.trim() || 30);
  if (!Number.isFinite(graceSeconds) || graceSeconds < 0) {
    throw new Error(`SHUTDOWN_GRACE_SECONDS must be a number of seconds, got "${env.SHUTDOWN_GRACE_SECONDS}".`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production: env.NODE_ENV === 'production',
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    webDistDir: path.resolve(import.meta.dirname, '../../dist/web'),
    sessions: readSessionSettings(env),
    admin:
      adminEmail && adminPassword
        ? {
            email: adminEmail,
            password: adminPassword,
            icsName: env.ICS_NAME ?? 'Integrated Care System',
            icsCode: env.ICS_CODE ?? 'ICS',
          }
        : null,
    shutdownGraceMs: graceSeconds * 1000,
    retentionMonthsAfterLeaving: retentionMonths,
    profileReadRetentionMonths,
  };
}

/** A retention period: a whole number of months from 1 to 1200. */
function readMonths(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const months = Number(env[name] ?? fallback);
  if (!Number.isInteger(months) || months < 1 || months > 1200) {
    throw new Error(`${name} must be a whole number of months from 1 to 1200, got "${env[name]}".`);
  }
  return months;
}

function readTrustProxy(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new Error(`TRUST_PROXY must be true or false, got "${value}".`);
}
