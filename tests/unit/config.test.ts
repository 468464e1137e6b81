import { describe, expect, it } from 'vitest';
import { readConfig } from '../../api/src/config.ts';

describe('configuration from the environment', () => {
  it('defaults to port 4000 with no admin bootstrap', () => {
    expect(readConfig({})).toMatchObject({ port: 4000, production: false, admin: null });
  });

  it('reads the admin bootstrap and the ICS it creates', () => {
    const config = readConfig({ ADMIN_EMAIL: ' lead@example.org ', ADMIN_PASSWORD: 'long enough secret', ICS_NAME: 'Riverside ICS', ICS_CODE: 'RV' });
    expect(config.admin).toEqual({ email: 'lead@example.org', password: 'long enough secret', icsName: 'Riverside ICS', icsCode: 'RV' });
  });

  it('refuses half an admin bootstrap', () => {
    expect(() => readConfig({ ADMIN_EMAIL: 'lead@example.org' })).toThrow(/both ADMIN_EMAIL and ADMIN_PASSWORD/);
  });

  it('trusts X-Forwarded-Proto only when TRUST_PROXY says so', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(() => readConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY must be true or false/);
  });

  it('refuses a port that is not a number', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });

  it('lets requests in flight finish for 30 seconds at shutdown unless told otherwise', () => {
    expect(readConfig({}).shutdownGraceMs).toBe(30_000);
    expect(readConfig({ SHUTDOWN_GRACE_SECONDS: ' ' }).shutdownGraceMs).toBe(30_000);
    expect(readConfig({ SHUTDOWN_GRACE_SECONDS: '2.5' }).shutdownGraceMs).toBe(2_500);
    expect(() => readConfig({ SHUTDOWN_GRACE_SECONDS: '-1' })).toThrow('SHUTDOWN_GRACE_SECONDS must be a number of seconds, got "-1".');
  });

  it('keeps a leaver’s personal data 24 months unless told otherwise', () => {
    expect(readConfig({}).retentionMonthsAfterLeaving).toBe(24);
    expect(readConfig({ RETENTION_MONTHS_AFTER_LEAVING: '6' }).retentionMonthsAfterLeaving).toBe(6);
  });

  it('keeps the record of profile reads 24 months unless told otherwise', () => {
    expect(readConfig({}).profileReadRetentionMonths).toBe(24);
    expect(readConfig({ PROFILE_READ_RETENTION_MONTHS: '12' }).profileReadRetentionMonths).toBe(12);
  });

  it.each(['RETENTION_MONTHS_AFTER_LEAVING', 'PROFILE_READ_RETENTION_MONTHS'].flatMap((name) => ['0', '-3', '1.5', 'two years', '', '1201'].map((months) => [name, months])))(
    'refuses %s of "%s" months',
    (name, months) => {
      expect(() => readConfig({ [name]: months })).toThrow(`${name} must be a whole number of months from 1 to 1200, got "${months}".`);
    },
  );

  it('ends sessions after 30 idle minutes and 12 hours at most unless told otherwise', () => {
    expect(readConfig({}).sessions).toEqual({ idleMinutes: 30, absoluteHours: 12 });
    expect(readConfig({ SESSION_IDLE_MINUTES: '15', SESSION_ABSOLUTE_HOURS: '8' }).sessions).toEqual({ idleMinutes: 15, absoluteHours: 8 });
    expect(readConfig({ SESSION_IDLE_MINUTES: ' ', SESSION_ABSOLUTE_HOURS: '' }).sessions).toEqual({ idleMinutes: 30, absoluteHours: 12 });
  });

  it.each([
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 1440, got "0".'],
    [{ SESSION_IDLE_MINUTES: 'half an hour' }, 'SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 1440, got "half an hour".'],
    [{ SESSION_ABSOLUTE_HOURS: '7.5' }, 'SESSION_ABSOLUTE_HOURS must be a whole number of hours from 1 to 720, got "7.5".'],
    [{ SESSION_ABSOLUTE_HOURS: '-1' }, 'SESSION_ABSOLUTE_HOURS must be a whole number of hours from 1 to 720, got "-1".'],
    [{ SESSION_IDLE_MINUTES: '90', SESSION_ABSOLUTE_HOURS: '1' }, 'SESSION_IDLE_MINUTES (90) must not be longer than SESSION_ABSOLUTE_HOURS × 60 (60 minutes).'],
  ])('refuses session lifetimes %o', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
