import { Select, TextInput } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { FilterForm } from '../../components/FilterForm.tsx';
import { filterSearchParams, useFilterFields } from '../../components/useFilterFields.ts';
import { roleLabels } from '../../sections.ts';
import { ChoiceOptions } from '../../components/ChoiceOptions.tsx';
import { OrganisationOptionsQuery } from './AccessFields.tsx';
import { usersParams, type UsersFilterFields } from './usersFilter.ts';

const roleChoices = Object.entries(roleLabels).map(([id, name]) => ({ id, name }));

interface UsersFiltersProps {
  fields: UsersFilterFields;
  onApply: (params: URLSearchParams) => void;
}

/** Text in the email or name, role, organisation and whether the account is enabled. */
export function UsersFilters({ fields: applied, onApply }: UsersFiltersProps) {
  const [{ data, error }] = useQuery({ query: OrganisationOptionsQuery });
  const { fields, update } = useFilterFields(applied);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filterSearchParams(fields, usersParams));
  }

  return (
    <FilterForm label="Users" submitLabel="Filter" onSubmit={handleSubmit}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id="users-search" label="Email or name" value={fields.search} onChange={update('search')} />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="users-role" label="Role" value={fields.role} onChange={update('role')}>
            <ChoiceOptions empty="Any role" choices={roleChoices} />
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select
            id="users-organisation"
            label="Organisation"
            hint={error ? 'The organisations could not be loaded.' : undefined}
            value={fields.organisationId}
            onChange={update('organisationId')}
          >
            <ChoiceOptions empty="Any organisation" choices={data?.organisations.edges.map(({ node }) => node) ?? []} />
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select id="users-state" label="Account" value={fields.state} onChange={update('state')}>
            <Select.Option value="">Enabled or disabled</Select.Option>
            <Select.Option value="enabled">Enabled</Select.Option>
            <Select.Option value="disabled">Disabled</Select.Option>
          </Select>
        </div>
      </div>
    </FilterForm>
  );
}
