import { Select, TextInput } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import { FilterForm } from '../../components/FilterForm.tsx';
import { filterSearchParams, useFilterFields } from '../../components/useFilterFields.ts';
import { graphql } from '../../graphql.ts';
import { fieldProblem } from '../allocations/ProblemSummary.tsx';
import type { Problem } from '../allocations/problems.ts';
import { entityTypeLabels } from './auditLabels.ts';
import { auditFieldIds, auditFilterProblems, auditParams, type AuditFilterFields } from './auditFilter.ts';

export const AuditActorsQuery = graphql(`
  query AuditActors {
    auditActors { id name role }
  }
`);

interface AuditFiltersProps {
  fields: AuditFilterFields;
  problems: readonly Problem[];
  onProblems: (problems: Problem[]) => void;
  onApply: (params: URLSearchParams) => void;
}

/** What kind of record, who, and which days; the people offered are those who appear in the log. */
export function AuditFilters({ fields: applied, problems, onProblems, onApply }: AuditFiltersProps) {
  const [{ data, error }] = useQuery({ query: AuditActorsQuery });
  const actors = data?.auditActors ?? [];

  const { fields, update } = useFilterFields(applied);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = auditFilterProblems(fields);
    onProblems(found);
    if (found.length > 0) return;
    onApply(filterSearchParams(fields, auditParams));
  }

  return (
    <FilterForm label="Audit log" submitLabel="Filter" onSubmit={handleSubmit}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <Select id={auditFieldIds.entityType} label="Record" value={fields.entityType} onChange={update('entityType')}>
            <Select.Option value="">Any record</Select.Option>
            {Object.entries(entityTypeLabels).map(([type, label]) => (
              <Select.Option key={type} value={type}>
                {label}
              </Select.Option>
            ))}
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <Select
            id={auditFieldIds.actorId}
            label="Changed by"
            hint={error ? 'The list of people could not be loaded.' : undefined}
            value={fields.actorId}
            onChange={update('actorId')}
          >
            <Select.Option value="">Anyone</Select.Option>
            {actors.map((actor) => (
              <Select.Option key={actor.id} value={actor.id}>
                {actor.name}
              </Select.Option>
            ))}
          </Select>
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id={auditFieldIds.from} label="From" type="date" value={fields.from} onChange={update('from')} error={fieldProblem(problems, auditFieldIds.from)} />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id={auditFieldIds.to} label="To" type="date" value={fields.to} onChange={update('to')} error={fieldProblem(problems, auditFieldIds.to)} />
        </div>
      </div>
    </FilterForm>
  );
}
