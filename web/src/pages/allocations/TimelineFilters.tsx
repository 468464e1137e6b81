import { Select, TextInput } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { FilterForm } from '../../components/FilterForm.tsx';
import { filterSearchParams, useFilterFields } from '../../components/useFilterFields.ts';
import { DirectoryFilterOptionsQuery } from '../analysts/DirectoryFilters.tsx';
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
  const [{ data, error }] = useQuery({ query: DirectoryFilterOptionsQuery });
  const organisations = data?.organisations.edges.map(({ node }) => node) ?? [];
  const skills = data?.skills.edges.map(({ node }) => node) ?? [];
  const optionsHint = error ? 'The list of choices could not be loaded. The weeks can still be changed.' : undefined;

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
            <Select.Option value="">Any organisation</Select.Option>
            {organisations.map((organisation) => (
              <Select.Option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </Select.Option>
            ))}
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="timeline-skill" label="Analyst skill" value={fields.skillId} onChange={update('skillId')}>
            <Select.Option value="">Any skill</Select.Option>
            {skills.map((skill) => (
              <Select.Option key={skill.id} value={skill.id}>
                {skill.name}
              </Select.Option>
            ))}
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
