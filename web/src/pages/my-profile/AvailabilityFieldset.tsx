import { Button, Fieldset, Select, TextInput } from 'nhsuk-react-components';
import { fieldProblem } from '../allocations/ProblemSummary.tsx';
import type { Problem } from '../allocations/problems.ts';
import { fieldIds, type AvailabilityRow } from './profileForm.ts';

const weekFields = [
  ['startWeek', 'first week'],
  ['endWeek', 'last week'],
] as const;
const fractions = ['0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9'];

interface AvailabilityFieldsetProps {
  rows: readonly AvailabilityRow[];
  problems: readonly Problem[];
  onChange: (rows: AvailabilityRow[]) => void;
}

/** Weeks away or with less pooled time. Only the weeks are kept, never a reason. */
export function AvailabilityFieldset({ rows, problems, onChange }: AvailabilityFieldsetProps) {
  const update = (key: number, change: Partial<AvailabilityRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => onChange([...rows, { key: Math.max(-1, ...rows.map((row) => row.key)) + 1, startWeek: '', endWeek: '', available: '0' }]);

  return (
    <Fieldset>
      <Fieldset.Legend size="m">Weeks away or with less time</Fieldset.Legend>
      <p className="nhsuk-hint">Give the Monday of the first and last week. You do not need to say why.</p>
      {rows.length === 0 && <p>No weeks away recorded.</p>}
      {rows.map((row, index) => (
        <div key={row.key} className="nhsuk-grid-row">
          {weekFields.map(([field, label]) => (
            <div key={field} className="nhsuk-grid-column-one-third">
              <TextInput
                id={fieldIds.availability(row.key, field)}
                type="date"
                label={`Period ${index + 1}: ${label}`}
                value={row[field]}
                error={fieldProblem(problems, fieldIds.availability(row.key, field))}
                onChange={(event) => update(row.key, { [field]: event.currentTarget.value })}
              />
            </div>
          ))}
          <div className="nhsuk-grid-column-one-third">
            <Select
              id={fieldIds.availability(row.key, 'available')}
              label={`Period ${index + 1}: pooled time available`}
              value={row.available}
              error={fieldProblem(problems, fieldIds.availability(row.key, 'available'))}
              onChange={(event) => update(row.key, { available: event.currentTarget.value })}
            >
              {fractions.map((fraction) => (
                <Select.Option key={fraction} value={fraction}>
                  {fraction === '0' ? 'None (away)' : `${Math.round(Number(fraction) * 100)}%`}
                </Select.Option>
              ))}
            </Select>
            <Button type="button" secondary small onClick={() => onChange(rows.filter((other) => other.key !== row.key))}>
              Remove period {index + 1}
            </Button>
          </div>
        </div>
      ))}
      <Button type="button" secondary onClick={add}>
        Add weeks away
      </Button>
    </Fieldset>
  );
}
