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

  it('refuses a port that is not a number', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });
});
