import { Select, TextInput } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { FilterForm } from '../../components/FilterForm.tsx';
import { filterSearchParams, useFilterFields } from '../../components/useFilterFields.ts';
import { ChoiceOptions } from '../../components/ChoiceOptions.tsx';
import { useFilterChoices } from '../analysts/DirectoryFilters.tsx';
import { timelineParams, weekSpans, type TimelineFilter } from './timelineFilter.ts';

function fieldsOf(filter: TimelineFilter) {
  return {
    organisationId: filter.organisationId ?? '',
    skillId: filter.skillId ?? '',
    fromWeek: filter.fromWeek,
    weeks: String(filter.weeks),
  };
}

interface TimelineFiltersProps {
  filter: TimelineFilter;
  onApply: (params: URLSearchParams) => void;
}

/** Which organisation, skill and weeks the timeline shows; the choices are the ICS's own. */
export function TimelineFilters({ filter, onApply }: TimelineFiltersProps) {
  const { organisations, skills, failed } = useFilterChoices();
  const optionsHint = failed ? 'The list of choices could not be loaded. The weeks can still be changed.' : undefined;

  const { fields, update } = useFilterFields(fieldsOf(filter));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filterSearchParams(fields, timelineParams));
  }

  return (
    <FilterForm label="Allocations timeline" submitLabel="Show" onSubmit={handleSubmit}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="timeline-organisation" label="Organisation" hint={optionsHint} value={fields.organisationId} onChange={update('organisationId')}>
            <ChoiceOptions empty="Any organisation" choices={organisations} />
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="timeline-skill" label="Analyst skill" value={fields.skillId} onChange={update('skillId')}>
            <ChoiceOptions empty="Any skill" choices={skills} />
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id="timeline-from" label="From the week of" type="date" value={fields.fromWeek} onChange={update('fromWeek')} />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="timeline-weeks" label="Weeks shown" value={fields.weeks} onChange={update('weeks')}>
            {weekSpans.map((weeks) => (
              <Select.Option key={weeks} value={String(weeks)}>
                {weeks} weeks
              </Select.Option>
            ))}
          </Select>
        </div>
      </div>
    </FilterForm>
  );
}
