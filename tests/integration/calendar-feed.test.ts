import ical from 'node-ical';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCareersApp } from '../fixtures/careers-scenario.ts';
import { errorCodes } from '../fixtures/api-client.ts';
import { useScenarioApp } from '../fixtures/use-scenario-app.ts';

const setup = useScenarioApp(startCareersApp);

const ROTATE = 'mutation { rotateCalendarFeed { path } }';

beforeAll(async () => {
  const allocation = (requestId: string, data: { startWeek: string; endWeek: string; fte: number; status: 'ACCEPTED' | 'PROPOSED'; confirmed: boolean }) =>
    setup.database.prisma.allocation.create({
      data: {
        icsId: setup.scenario.ics.id,
        analystId: setup.scenario.analysts.hospiceAnalyst.id,
        requestId,
        fte: data.fte,
        startWeek: new Date(`${data.startWeek}T00:00:00Z`),
        endWeek: new Date(`${data.endWeek}T00:00:00Z`),
        status: data.status,
        confirmedAt: data.confirmed ? new Date('2026-11-20T12:00:00Z') : null,
      },
    });
  await allocation(setup.careers.requests.sqlExtract.id, { startWeek: '2027-01-11', endWeek: '2027-01-25', fte: 0.2, status: 'ACCEPTED', confirmed: true });
  await allocation(setup.careers.requests.frailtyModel.id, { startWeek: '2027-02-01', endWeek: '2027-02-08', fte: 0.1, status: 'PROPOSED', confirmed: true });
  // Not yet confirmed by the workforce lead: holds nothing and stays out of the calendar.
  await allocation(setup.scenario.requests.hospiceSubmitted.id, { startWeek: '2027-03-01', endWeek: '2027-03-08', fte: 0.1, status: 'PROPOSED', confirmed: false });
});

/** A calendar app: no cookies, no CSRF header. */
function fetchFeed(path: string) {
  return setup.app.yoga.fetch(`http://localhost${path}`);
}

function eventsOf(body: string): ical.VEvent[] {
  return Object.values(ical.sync.parseICS(body)).filter((component): component is ical.VEvent => component?.type === 'VEVENT');
}

describe("an analyst's calendar feed", () => {
  it('lists confirmed allocations as all-day Monday-to-Friday blocks with project, organisation and FTE, parsed by a real iCalendar parser', async () => {
    const client = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    expect((await client.execute('{ hasCalendarFeed }')).data!.hasCalendarFeed).toBe(false);
    const { path } = (await client.execute(ROTATE)).data!.rotateCalendarFeed;
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await client.execute('{ hasCalendarFeed }')).data!.hasCalendarFeed).toBe(true);

    const response = await fetchFeed(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const events = eventsOf(await response.text());

    expect(events).toHaveLength(3 + 2);
    for (const event of events) {
      expect(event.datetype).toBe('date');
      expect(event.start.getDay()).toBe(1);
      expect((event.end!.getTime() - event.start.getTime()) / (24 * 60 * 60 * 1000)).toBe(5);
      expect(event.description).toContain(setup.scenario.organisations.acuteTrust.name);
    }
    const extract = events.filter((event) => String(event.summary).includes('Bed occupancy extract'));
    expect(extract.map((event) => event.summary)).toEqual(Array(3).fill('Frailty pathway: Bed occupancy extract (0.2 FTE)'));
    expect(extract.map((event) => event.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    const tentative = events.filter((event) => String(event.summary).includes('Frailty risk model'));
    expect(tentative.map((event) => event.status)).toEqual(['TENTATIVE', 'TENTATIVE']);
    expect(events.some((event) => String(event.summary).includes(setup.scenario.requests.hospiceSubmitted.title))).toBe(false);
  });

  it('stops answering the old URL once rotated (404) and keeps only a hash of the secret', async () => {
    const client = await setup.signIn(setup.scenario.users.hospiceAnalyst);
    const old = (await client.execute(ROTATE)).data!.rotateCalendarFeed.path as string;
    expect((await fetchFeed(old)).status).toBe(200);

    const fresh = (await client.execute(ROTATE)).data!.rotateCalendarFeed.path as string;
    expect(fresh).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(fresh)).status).toBe(200);

    const secret = fresh.slice('/calendar/'.length, -'.ics'.length);
    const stored = await setup.database.prisma.analyst.findUniqueOrThrow({ where: { id: setup.scenario.analysts.hospiceAnalyst.id } });
    expect(stored.calendarSecretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const audits = await setup.database.prisma.auditEvent.findMany({ where: { action: { startsWith: 'calendar.' } } });
    expect(audits.map((audit) => audit.action)).toEqual(['calendar.create', 'calendar.rotate', 'calendar.rotate']);
    expect(JSON.stringify(audits)).not.toContain(secret);

    expect((await client.execute('mutation { disableCalendarFeed }')).data!.disableCalendarFeed).toBe(true);
    expect((await fetchFeed(fresh)).status).toBe(404);
  });

  it('is 404 for made-up secrets and paths, and only analysts have a feed', async () => {
    for (const path of ['/calendar/', '/calendar/nope.ics', `/calendar/${'A'.repeat(43)}.ics`, `/calendar/${'A'.repeat(43)}`]) {
      expect((await fetchFeed(path)).status).toBe(404);
    }
    const lead = await setup.signIn(setup.scenario.users.workforceLead);
    expect(errorCodes(await lead.execute(ROTATE))).toEqual(['FORBIDDEN']);
  });
});
