import { Select } from 'nhsuk-react-components';
import { useQuery } from 'urql';
import { graphql } from '../../graphql.ts';

export const InsightFilterOptionsQuery = graphql(`
  query InsightFilterOptions {
    me { id role }
    organisations(first: 100) { edges { node { id name } } }
  }
`);

interface OrganisationFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Offered only to workforce leads (utilisation: organisation leads see their own organisation anyway). */
  workforceLeadsOnly?: boolean;
}

/** "Organisation" filter of a report: the whole ICS or one of its organisations. */
export function OrganisationField({ id, value, onChange, workforceLeadsOnly = false }: OrganisationFieldProps) {
  const [{ data }] = useQuery({ query: InsightFilterOptionsQuery });
  if (!data || (workforceLeadsOnly && data.me?.role !== 'WORKFORCE_LEAD')) return null;
  return (
    <div className="nhsuk-grid-column-one-quarter">
      <Select id={id} name="organisation" label="Organisation" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <Select.Option value="">The whole ICS</Select.Option>
        {data.organisations.edges.map(({ node }) => (
          <Select.Option key={node.id} value={node.id}>
            {node.name}
          </Select.Option>
        ))}
      </Select>
    </div>
  );
}
