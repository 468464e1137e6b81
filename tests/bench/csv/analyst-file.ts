import { createRandom } from '../../../prisma/seed/random.ts';
import { csvFile } from '../../fixtures/csv-files.ts';

const HEADER = 'email,name,organisation,job_title,band,contracted_fte,pooled_fte,skills,aspirations';
const BANDS = ['5', '6', '7', '8a', '8b'];

/** A deterministic analysts file of `rows` rows over the given organisations and skills, as a spreadsheet would export it. */
export function analystFile(rows: number, organisations: readonly string[], skills: readonly string[], seed = 20_000): string {
  const random = createRandom(seed);
  return csvFile(
    HEADER,
    Array.from({ length: rows }, (_, index) => {
      const held = random.sample(skills, 3 + random.int(0, 3));
      const levels = held.map((skill) => ({ skill, level: 1 + random.int(0, 3) }));
      const growable = levels.filter((skill) => skill.level < 4);
      const aspiration = growable.length > 0 ? random.pick(growable) : null;
      return [
        `analyst.${index}@bench.example`,
        `Analyst ${index}`,
        random.pick(organisations),
        'Information analyst',
        random.pick(BANDS),
        '1',
        String(random.int(1, 5) / 10),
        levels.map(({ skill, level }) => `${skill}:${level}`).join(';'),
        aspiration ? `${aspiration.skill}:${aspiration.level + 1}` : '',
      ];
    }),
  );
}
