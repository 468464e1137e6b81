import { Select } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { sentenceCase, skillLevelLabel, skillLevels } from '../../format.ts';
import { MonthWindowFields } from './MonthWindowFields.tsx';
import { OrganisationField } from './OrganisationField.tsx';
import { ShowReportButton } from './ShowReportButton.tsx';
import { filledParams } from './reportParams.ts';

export const skillCategories = [
  'DATA_ENGINEERING',
  'STATISTICS',
  'MACHINE_LEARNING',
  'VISUALISATION',
  'HEALTH_ECONOMICS',
  'POPULATION_HEALTH_MANAGEMENT',
  'GEOSPATIAL',
  'INFORMATION_GOVERNANCE',
  'CHANGE_MANAGEMENT',
  'OPERATIONAL_RESEARCH',
] as const;

export interface CapacityFilterFields {
  from: string;
  months: string;
  level: string;
  category: string;
  organisation: string;
}

interface CapacityFiltersProps {
  fields: CapacityFilterFields;
  onApply: (params: URLSearchParams) => void;
}

/** Window, minimum level, category and organisation of the capacity report; applied to the URL. */
export function CapacityFilters({ fields: initial, onApply }: CapacityFiltersProps) {
  const initialKey = JSON.stringify(initial);
  const [fields, setFields] = useState(initial);
  const [shown, setShown] = useState(initialKey);
  if (shown !== initialKey) {
    setShown(initialKey);
    setFields(initial);
  }
  const update = (field: keyof CapacityFilterFields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [field]: event.target.value }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filledParams({ ...fields }));
  }

  return (
    <form className="app-filters" aria-label="Capacity report filters" onSubmit={handleSubmit}>
      <div className="nhsuk-grid-row">
        <MonthWindowFields idPrefix="capacity" from={fields.from} months={fields.months} onChange={(field, value) => setFields((current) => ({ ...current, [field]: value }))} />
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="capacity-level" name="level" label="Lowest level that counts" value={fields.level} onChange={update('level')}>
            {skillLevels.map((level) => (
              <Select.Option key={level} value={String(level)}>
                {skillLevelLabel(level)}
              </Select.Option>
            ))}
          </Select>
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="capacity-category" name="category" label="Skill category" value={fields.category} onChange={update('category')}>
            <Select.Option value="">Every category</Select.Option>
            {skillCategories.map((category) => (
              <Select.Option key={category} value={category}>
                {sentenceCase(category)}
              </Select.Option>
            ))}
          </Select>
        </div>
        <OrganisationField id="capacity-organisation" value={fields.organisation} onChange={(value) => setFields((current) => ({ ...current, organisation: value }))} />
        <ShowReportButton />
      </div>
    </form>
  );
}
