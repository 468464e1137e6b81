import { Table } from 'nhsuk-react-components';
import { dateLabel, skillLevelLabel, skillLevels } from '../../format.ts';
import { fieldProblem } from '../allocations/ProblemSummary.tsx';
import type { Problem } from '../allocations/problems.ts';
import { fieldIds, type ProfileValues } from './profileForm.ts';

interface HeldSkill {
  level: number;
  evidencedLevel: number | null;
  lastEvidencedAt: string | null;
  skill: { id: string };
}

interface SkillLevelsTableProps {
  skills: readonly { id: string; name: string }[];
  held: readonly HeldSkill[];
  values: ProfileValues;
  problems: readonly Problem[];
  onChange: <Key extends keyof ProfileValues>(key: Key, value: ProfileValues[Key]) => void;
}

/**
 * Every skill of the ICS with the analyst's own level and the level they aim for. A level evidenced by
 * completed work is the lowest on offer: only new evidence changes it.
 */
export function SkillLevelsTable({ skills, held, values, problems, onChange }: SkillLevelsTableProps) {
  const heldById = new Map(held.map((skill) => [skill.skill.id, skill]));
  const setLevel = (skillId: string, level: string) => onChange('levels', { ...values.levels, [skillId]: level });
  const setAim = (skillId: string, level: string) => onChange('aims', { ...values.aims, [skillId]: level });

  return (
    <Table caption="Your level and your aim in each skill (1 Awareness, 2 Working, 3 Practitioner, 4 Expert)" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Skill</Table.Cell>
          <Table.Cell>Your level</Table.Cell>
          <Table.Cell>Evidence</Table.Cell>
          <Table.Cell>Aiming for</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {skills.map((skill) => {
          const own = heldById.get(skill.id);
          const evidenced = own?.evidencedLevel ?? 0;
          const level = values.levels[skill.id] ?? '';
          const current = Number(level || 0);
          const levelId = fieldIds.level(skill.id);
          const aimId = fieldIds.aim(skill.id);
          return (
            <Table.Row key={skill.id}>
              <Table.Cell>{skill.name}</Table.Cell>
              <Table.Cell>
                <CellSelect
                  id={levelId}
                  label={`${skill.name}: your level`}
                  value={level}
                  error={fieldProblem(problems, levelId)}
                  options={[...(evidenced === 0 ? [['', 'Not held'] as const] : []), ...levelOptions(skillLevels.filter((option) => option >= evidenced))]}
                  onChange={(value) => setLevel(skill.id, value)}
                />
              </Table.Cell>
              <Table.Cell>
                {own?.evidencedLevel
                  ? `Evidenced at ${skillLevelLabel(own.evidencedLevel)}${own.lastEvidencedAt ? ` on ${dateLabel(own.lastEvidencedAt)}` : ''}`
                  : 'Self-assessed'}
              </Table.Cell>
              <Table.Cell>
                <CellSelect
                  id={aimId}
                  label={`${skill.name}: level you aim for`}
                  value={values.aims[skill.id] ?? ''}
                  error={fieldProblem(problems, aimId)}
                  options={[['', 'No aim'], ...levelOptions(skillLevels.filter((option) => option > current || String(option) === values.aims[skill.id]))]}
                  onChange={(value) => setAim(skill.id, value)}
                />
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}

function levelOptions(levels: readonly number[]): (readonly [string, string])[] {
  return levels.map((level) => [String(level), skillLevelLabel(level)] as const);
}

interface CellSelectProps {
  id: string;
  /** Read by screen readers; the column heading says it to sighted users. */
  label: string;
  value: string;
  error: string | undefined;
  options: readonly (readonly [value: string, text: string])[];
  onChange: (value: string) => void;
}

/** A select inside a table cell, with the NHS error pattern and a visually hidden label. */
function CellSelect({ id, label, value, error, options, onChange }: CellSelectProps) {
  return (
    <div className={`nhsuk-form-group nhsuk-u-margin-bottom-0${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor={id}>
        {label}
      </label>
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <select className="nhsuk-select" id={id} value={value} aria-describedby={error ? `${id}-error` : undefined} onChange={(event) => onChange(event.currentTarget.value)}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
