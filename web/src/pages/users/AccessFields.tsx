import { Radios, Select } from 'nhsuk-react-components';
import { useQuery } from 'urql';
import { ChoiceOptions } from '../../components/ChoiceOptions.tsx';
import { graphql } from '../../graphql.ts';
import { roleLabels } from '../../sections.ts';
import type { Role } from '../../session/SessionProvider.tsx';

export const OrganisationOptionsQuery = graphql(`
  query OrganisationOptions {
    organisations(first: 100) { edges { node { id name } } }
  }
`);

export const AnalystsWithoutAccountQuery = graphql(`
  query AnalystsWithoutAccount($organisationId: ID!) {
    analystsWithoutAccount(organisationId: $organisationId) { id name }
  }
`);

export interface AccessValues {
  role: Role | '';
  organisationId: string;
  analystId: string;
}

const roles: readonly Role[] = ['WORKFORCE_LEAD', 'ORGANISATION_LEAD', 'ANALYST'];

const roleHints: Record<Role, string> = {
  WORKFORCE_LEAD: 'Runs the pool for the whole ICS, and manages its users.',
  ORGANISATION_LEAD: 'Requests analysts’ time for their organisation and releases its own analysts.',
  ANALYST: 'One of the pool’s analysts: their account is linked to their profile.',
};

interface AccessFieldsProps {
  values: AccessValues;
  onChange: (values: AccessValues) => void;
  problemFor: (field: string) => string | undefined;
  /** The analyst the account is linked to now, offered again even though it has an account. */
  currentAnalyst?: LinkedAnalyst | null;
}

/** The analyst an account is linked to now. */
export interface LinkedAnalyst {
  id: string;
  name: string;
  organisation: { id: string };
}

/** Role, organisation and, for an analyst, which analyst the account is: the access a workforce lead grants. */
export function AccessFields({ values, onChange, problemFor, currentAnalyst }: AccessFieldsProps) {
  const [{ data, error }] = useQuery({ query: OrganisationOptionsQuery });
  const change = (next: Partial<AccessValues>) => onChange({ ...values, ...next });

  return (
    <>
      <Radios id="role-choice" name="role" legend="Role" legendProps={{ size: 's' }} error={problemFor('role')}>
        {roles.map((role, index) => (
          <Radios.Item
            key={role}
            id={index === 0 ? 'role' : `role-${role}`}
            value={role}
            checked={values.role === role}
            hint={roleHints[role]}
            onChange={() => change({ role, analystId: '' })}
          >
            {roleLabels[role]}
          </Radios.Item>
        ))}
      </Radios>
      <Select
        id="organisationId"
        label={values.role === 'WORKFORCE_LEAD' ? 'Organisation (optional)' : 'Organisation'}
        hint={error ? 'The organisations could not be loaded.' : 'Where the person works.'}
        value={values.organisationId}
        error={problemFor('organisationId')}
        onChange={(event) => change({ organisationId: event.currentTarget.value, analystId: '' })}
      >
        <ChoiceOptions empty="Choose an organisation" choices={data?.organisations.edges.map(({ node }) => node) ?? []} />
      </Select>
      {values.role === 'ANALYST' && (
        <AnalystField organisationId={values.organisationId} value={values.analystId} onChange={(analystId) => change({ analystId })} problem={problemFor('analystId')} currentAnalyst={currentAnalyst} />
      )}
    </>
  );
}

interface AnalystFieldProps {
  organisationId: string;
  value: string;
  onChange: (analystId: string) => void;
  problem: string | undefined;
  currentAnalyst?: LinkedAnalyst | null;
}

/** The organisation's analysts that no account is linked to yet. */
function AnalystField({ organisationId, value, onChange, problem, currentAnalyst }: AnalystFieldProps) {
  const [{ data, error, fetching }] = useQuery({ query: AnalystsWithoutAccountQuery, variables: { organisationId }, pause: !organisationId });
  const linkedHere = currentAnalyst?.organisation.id === organisationId ? [currentAnalyst] : [];
  const analysts = [...linkedHere, ...(data?.analystsWithoutAccount ?? [])];
  let hint = 'Analysts of the organisation who have no account yet.';
  if (!organisationId) hint = 'Choose the organisation first.';
  else if (error) hint = 'The analysts could not be loaded.';
  else if (!fetching && analysts.length === 0) hint = 'This organisation has no analysts without an account.';

  return (
    <Select id="analystId" label="Analyst" hint={hint} value={value} error={problem} onChange={(event) => onChange(event.currentTarget.value)}>
      <ChoiceOptions empty="Choose the analyst" choices={analysts} />
    </Select>
  );
}

/** The API's access input from the form's values. */
export function accessInput({ role, organisationId, analystId }: AccessValues) {
  return { role: role as Role, organisationId: organisationId || null, analystId: role === 'ANALYST' ? analystId || null : null };
}

/** What the browser can tell is missing before sending. */
export function accessProblems({ role }: AccessValues) {
  return role ? [] : [{ message: 'Choose a role', field: 'role' }];
}
