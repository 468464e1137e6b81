import { Select, TextInput } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { ChoiceOptions } from '../../components/ChoiceOptions.tsx';
import { FilterForm } from '../../components/FilterForm.tsx';
import { filterSearchParams, useFilterFields } from '../../components/useFilterFields.ts';
import { skillLevelLabel, skillLevels } from '../../format.ts';
import { graphql } from '../../graphql.ts';
import { filterParams, type AnalystFilter } from './directoryFilter.ts';

export const DirectoryFilterOptionsQuery = graphql(`
  query DirectoryFilterOptions {
    organisations(first: 100) { edges { node { id name } } }
    skills(first: 100) { edges { node { id name } } }
  }
`);

/** The ICS's organisations and skills to filter by; empty lists until they arrive, and whether loading them failed. */
export function useFilterChoices() {
  const [{ data, error }] = useQuery({ query: DirectoryFilterOptionsQuery });
  return {
    organisations: data?.organisations.edges.map(({ node }) => node) ?? [],
    skills: data?.skills.edges.map(({ node }) => node) ?? [],
    failed: Boolean(error),
  };
}

function fieldsOf(filter: AnalystFilter) {
  return {
    search: filter.search ?? '',
    organisationId: filter.organisationId ?? '',
    skillId: filter.skillId ?? '',
    minLevel: filter.minLevel ? String(filter.minLevel) : '',
  };
}

interface DirectoryFiltersProps {
  filter: AnalystFilter;
  onApply: (params: URLSearchParams) => void;
}

/** Search and filters for the analyst directory; the choices come from the ICS's organisations and skills. */
export function DirectoryFilters({ filter, onApply }: DirectoryFiltersProps) {
  const { organisations, skills, failed } = useFilterChoices();
  const optionsHint = failed ? 'The list of choices could not be loaded. Search by name still works.' : undefined;

  const { fields, update } = useFilterFields(fieldsOf(filter));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filterSearchParams(fields, filterParams));
  }

  return (
    <FilterForm label="Analysts" submitLabel="Search" onSubmit={handleSubmit}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput
            id="filter-search"
            name={filterParams.search}
            label="Name or job title"
            value={fields.search}
            onChange={update('search')}
            type="search"
          />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="filter-organisation" name={filterParams.organisationId} label="Organisation" hint={optionsHint} value={fields.organisationId} onChange={update('organisationId')}>
            <ChoiceOptions empty="Any organisation" choices={organisations} />
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="filter-skill" name={filterParams.skillId} label="Skill" value={fields.skillId} onChange={update('skillId')}>
            <ChoiceOptions empty="Any skill" choices={skills} />
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select
            id="filter-level"
            name={filterParams.minLevel}
            label="Minimum level"
            value={fields.minLevel}
            onChange={update('minLevel')}
          >
            <Select.Option value="">Any level</Select.Option>
            {skillLevels.map((level) => (
              <Select.Option key={level} value={String(level)}>
                {skillLevelLabel(level)}
              </Select.Option>
            ))}
          </Select>
        </div>
      </div>
    </FilterForm>
  );
}
