/** How long a session lasts: it ends after `idleMinutes` without a request, and `absoluteHours` after sign-in at the latest. */
export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 30, absoluteHours: 12 };

const MAX_IDLE_MINUTES = 24 * 60;
const MAX_ABSOLUTE_HOURS = 30 * 24;

/** SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS, checked so a typing mistake stops the server rather than weakening it. */
export function readSessionSettings(env: NodeJS.ProcessEnv): SessionSettings {
  const idleMinutes = wholeNumber(env, 'SESSION_IDLE_MINUTES', DEFAULT_SESSION_SETTINGS.idleMinutes, MAX_IDLE_MINUTES, 'minutes');
  const absoluteHours = wholeNumber(env, 'SESSION_ABSOLUTE_HOURS', DEFAULT_SESSION_SETTINGS.absoluteHours, MAX_ABSOLUTE_HOURS, 'hours');
  if (idleMinutes > absoluteHours * 60) {
    throw new Error(`SESSION_IDLE_MINUTES (${idleMinutes}) must not be longer than SESSION_ABSOLUTE_HOURS × 60 (${absoluteHours * 60} minutes).`);
  }
  return { idleMinutes, absoluteHours };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, unit: string): number {
  const given = env[name];
  if (given === undefined || given.trim() === '') return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be a whole number of ${unit} from 1 to ${max}, got "${given}".`);
  }
  return value;
}
