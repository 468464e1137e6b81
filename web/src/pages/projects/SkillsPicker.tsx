import { Button, ErrorMessage, Fieldset, HintText, Select } from 'nhsuk-react-components';
import { skillLevelLabel, skillLevels } from '../../format.ts';
import { skillRow, type SkillKind, type SkillRow } from './requestFormValues.ts';
import './projects.css';

const wording: Record<SkillKind, { legend: string; hint: string; one: string; add: string }> = {
  requiredSkills: {
    legend: 'Must-have skills',
    hint: 'An analyst must hold every one of these at the level you choose or above.',
    one: 'Must-have skill',
    add: 'Add a must-have skill',
  },
  desiredSkills: {
    legend: 'Desired skills (optional)',
    hint: 'Nice to have: they help choose between analysts who hold the must-have skills.',
    one: 'Desired skill',
    add: 'Add a desired skill',
  },
};

interface SkillsPickerProps {
  kind: SkillKind;
  rows: readonly SkillRow[];
  skills: readonly { id: string; name: string }[];
  onChange: (rows: SkillRow[]) => void;
  /** The message for the field with this id, if there is one. */
  problemFor: (field: string) => string | undefined;
}

/** One list of skills with a minimum level each, as rows that can be added and removed. */
export function SkillsPicker({ kind, rows, skills, onChange, problemFor }: SkillsPickerProps) {
  const words = wording[kind];
  const listProblem = problemFor(kind);
  const update = (index: number, change: Partial<SkillRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  return (
    <div className={`nhsuk-form-group${listProblem ? ' nhsuk-form-group--error' : ''}`}>
      <Fieldset id={kind} aria-describedby={`${kind}-hint`}>
        <Fieldset.Legend size="m">{words.legend}</Fieldset.Legend>
        <HintText id={`${kind}-hint`}>{words.hint}</HintText>
        {listProblem && <ErrorMessage id={`${kind}-error`}>{listProblem}</ErrorMessage>}
        {rows.map((row, index) => {
          const name = `${words.one} ${index + 1}`;
          return (
            <div key={row.key} className="app-skill-row">
              <Select
                id={`${kind}-${index}-skillId`}
                label={name}
                value={row.skillId}
                error={problemFor(`${kind}-${index}-skillId`)}
                onChange={(event) => update(index, { skillId: event.currentTarget.value })}
              >
                <Select.Option value="">Choose a skill</Select.Option>
                {skills.map((skill) => (
                  <Select.Option key={skill.id} value={skill.id}>
                    {skill.name}
                  </Select.Option>
                ))}
              </Select>
              <Select
                id={`${kind}-${index}-level`}
                label={`Minimum level for ${name.toLowerCase()}`}
                value={row.level}
                error={problemFor(`${kind}-${index}-level`)}
                onChange={(event) => update(index, { level: event.currentTarget.value })}
              >
                {skillLevels.map((level) => (
                  <Select.Option key={level} value={String(level)}>
                    {skillLevelLabel(level)}
                  </Select.Option>
                ))}
              </Select>
              <Button secondary small type="button" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                Remove <span className="nhsuk-u-visually-hidden">{name.toLowerCase()}</span>
              </Button>
            </div>
          );
        })}
        <Button secondary small type="button" onClick={() => onChange([...rows, skillRow()])}>
          {words.add}
        </Button>
      </Fieldset>
    </div>
  );
}
