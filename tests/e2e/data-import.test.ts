import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { demoPeople } from './support/demo-data.ts';
import { useJourney } from './support/journey.ts';
import { navigateTo, pageHeading, signIn } from './support/session.ts';

const REQUESTS_HEADER = 'project,organisation,title,required_skills,desired_skills,fte,start_week,end_week,priority,open_to_development';

function requestsFile(fte: string): { name: string; mimeType: string; buffer: Buffer } {
  const row = `Discharge flow review,RND,Delayed discharge model,Statistical modelling:3,,${fte},2027-01-04,2027-03-29,High,yes`;
  return { name: 'requests.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${REQUESTS_HEADER}\r\n${row}\r\n`) };
}

describe('importing and exporting spreadsheets', () => {
  const journey = useJourney();
  beforeEach(() => signIn(journey.page, demoPeople.acuteLead.email));

  test('an organisation lead fixes a mistake the preview points to, then imports a request', async () => {
    const { page, prisma } = journey;
    await navigateTo(page, 'Import and export');
    await expectNoAxeViolations(page);

    await page.getByLabel('Requests').check();
    await page.getByLabel('CSV file').setInputFiles(requestsFile('"0,4"'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'requests.csv has 1 problem' }).waitFor();
    await page.getByRole('cell', { name: '"0,4" uses a comma; write decimals with a full stop, as 0.4.' }).waitFor();
    expect(await page.getByRole('button', { name: /^Import \d+ row/ }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Check a corrected file' }).click();
    await page.getByLabel('Requests').check();
    await page.getByLabel('CSV file').setInputFiles(requestsFile('0.4'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('table', { name: 'What the import will change' }).waitFor();
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page.getByRole('heading', { name: 'Imported requests.csv' }).waitFor();
    await expectNoAxeViolations(page);

    const imported = await prisma.request.findFirstOrThrow({ where: { title: 'Delayed discharge model' }, include: { project: true } });
    expect(imported).toMatchObject({ status: 'SUBMITTED', project: { title: 'Discharge flow review' } });
    expect(imported.fte.toNumber()).toBe(0.4);
  });

  test('downloads analysts in the columns the import reads', async () => {
    const { page } = journey;
    await page.goto('/data');
    await pageHeading(page, 'Import and export').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download analysts' }).click()]);
    expect(download.suggestedFilename()).toBe('analysts.csv');
    const text = await readFile(await download.path(), 'utf8');
    expect(text.split('\n')[0]).toBe('email,name,organisation,job_title,band,contracted_fte,pooled_fte,skills,aspirations');
  });
});
