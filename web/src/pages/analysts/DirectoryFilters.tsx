import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { skillLevelLabel, skillLevels } from '../../format.ts';
import { graphql } from '../../graphql.ts';
import { filterParams, type AnalystFilter } from './directoryFilter.ts';

export const DirectoryFilterOptionsQuery = graphql(`
  query DirectoryFilterOptions {
    organisations(first: 100) { edges { node { id name } } }
    skills(first: 100) { edges { node { id name } } }
  }
`);

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
  const [{ data, error }] = useQuery({ query: DirectoryFilterOptionsQuery });
  const organisations = data?.organisations.edges.map(({ node }) => node) ?? [];
  const skills = data?.skills.edges.map(({ node }) => node) ?? [];
  const optionsHint = error ? 'The list of choices could not be loaded. Search by name still works.' : undefined;

  // Controlled, so a choice from the URL shows even when the options arrive after the first render, and
  // reset whenever the URL's filters change (back, forward, "Clear filters") without remounting the form.
  const filterKey = JSON.stringify(filter);
  const [fields, setFields] = useState(() => fieldsOf(filter));
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (shownFilter !== filterKey) {
    setShownFilter(filterKey);
    setFields(fieldsOf(filter));
  }
  const update = (field: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [field]: event.target.value }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [field, value] of Object.entries(fields)) {
      if (value.trim()) params.set(filterParams[field as keyof typeof fields], value.trim());
    }
    onApply(params);
  }

  return (
    <form className="app-filters" role="search" aria-label="Analysts" onSubmit={handleSubmit}>
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
            <Select.Option value="">Any organisation</Select.Option>
            {organisations.map((organisation) => (
              <Select.Option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </Select.Option>
            ))}
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="filter-skill" name={filterParams.skillId} label="Skill" value={fields.skillId} onChange={update('skillId')}>
            <Select.Option value="">Any skill</Select.Option>
            {skills.map((skill) => (
              <Select.Option key={skill.id} value={skill.id}>
                {skill.name}
              </Select.Option>
            ))}
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
      <div className="app-filters__actions">
        <Button type="submit" secondary>
          Search
        </Button>
        <Link to="?" className="nhsuk-link">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
