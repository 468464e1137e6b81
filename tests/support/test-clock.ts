/** The fixed "today" of every test, so seeded weeks and windows never drift with the calendar. */
export const TEST_TODAY = new Date('2026-11-23T09:00:00Z');
