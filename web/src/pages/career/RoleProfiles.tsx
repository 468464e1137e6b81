import { Button, Select, Table, Textarea, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SkillTags } from '../../components/SkillTags.tsx';
import { bandLabel, skillLevelLabel, skillLevels } from '../../format.ts';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { fieldProblem, ProblemSummary } from '../allocations/ProblemSummary.tsx';
import type { Problem } from '../allocations/problems.ts';

export const RoleProfilesQuery = graphql(`
  query RoleProfiles {
    roleProfiles(first: 100) { edges { node { id name band description version requirements { level skill { id name } } } } }
    skills(first: 100) { edges { node { id name } } }
  }
`);

export const CreateRoleProfileMutation = graphql(`
  mutation CreateRoleProfile($input: RoleProfileInput!) { createRoleProfile(input: $input) { id } }
`);

export const UpdateRoleProfileMutation = graphql(`
  mutation UpdateRoleProfile($id: ID!, $version: Int!, $input: RoleProfileInput!) { updateRoleProfile(id: $id, version: $version, input: $input) { id version } }
`);

type Data = ResultOf<typeof RoleProfilesQuery>;
type Role = Data['roleProfiles']['edges'][number]['node'];
type Band = VariablesOf<typeof CreateRoleProfileMutation>['input']['band'];

const bands: Band[] = ['BAND_5', 'BAND_6', 'BAND_7', 'BAND_8A', 'BAND_8B', 'BAND_8C', 'BAND_8D', 'BAND_9'];

/** For the workforce lead: the career pathway's steps, each with the level it requires per skill. */
export function RoleProfiles() {
  const query = useQuery({ query: RoleProfilesQuery, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const reload = () => query[1]({ requestPolicy: 'network-only' });
  return (
    <>
      <h2>Role profiles</h2>
      <QueryStates query={query} loading="Loading role profiles…" what="role profiles">
        {(data) => (
          <>
            <Table responsive firstCellIsHeader caption="Steps on the career pathway" captionProps={{ size: 's' }}>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>Role</Table.Cell>
                  <Table.Cell>Band</Table.Cell>
                  <Table.Cell>Requires</Table.Cell>
                  <Table.Cell>Change</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.roleProfiles.edges.map(({ node: role }) => (
                  <Table.Row key={role.id}>
                    <Table.Cell>{role.name}</Table.Cell>
                    <Table.Cell>{bandLabel(role.band)}</Table.Cell>
                    <Table.Cell>{role.requirements.length === 0 ? 'Nothing yet' : <SkillTags skills={role.requirements} orAbove />}</Table.Cell>
                    <Table.Cell>
                      <Button type="button" secondary small onClick={() => setEditing(role)}>
                        Edit <span className="nhsuk-u-visually-hidden">{role.name}</span>
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            {editing === null ? (
              <Button type="button" secondary onClick={() => setEditing('new')}>
                Add a role profile
              </Button>
            ) : (
              <RoleProfileForm
                key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
                role={editing === 'new' ? null : editing}
                skills={data.skills.edges.map(({ node }) => node)}
                onDone={() => {
                  setEditing(null);
                  reload();
                }}
              />
            )}
          </>
        )}
      </QueryStates>
    </>
  );
}

interface RoleProfileFormProps {
  role: Role | null;
  skills: readonly { id: string; name: string }[];
  onDone: () => void;
}

function RoleProfileForm({ role, skills, onDone }: RoleProfileFormProps) {
  const [name, setName] = useState(role?.name ?? '');
  const [band, setBand] = useState<Band>(role?.band ?? 'BAND_6');
  const [description, setDescription] = useState(role?.description ?? '');
  const [levels, setLevels] = useState<Record<string, string>>(() =>
    Object.fromEntries((role?.requirements ?? []).map((requirement) => [requirement.skill.id, String(requirement.level)])),
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [creating, create] = useMutation(CreateRoleProfileMutation);
  const [updating, update] = useMutation(UpdateRoleProfileMutation);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const requirements = Object.entries(levels)
      .filter(([, level]) => level !== '')
      .map(([skillId, level]) => ({ skillId, level: Number(level) }));
    const input = { name, band, description, requirements };
    const result = role ? await update({ id: role.id, version: role.version, input }) : await create({ input });
    if (!result.error) return onDone();
    setProblems(
      result.error.graphQLErrors.flatMap((error) => {
        const extensions = error.extensions as { fields?: { path: (string | number)[]; message: string }[] };
        return (
          extensions.fields?.map(({ path, message }) => {
            const [, field, index] = path;
            const requirement = typeof index === 'number' ? requirements[index] : undefined;
            return { message, field: field === 'name' ? 'role-name' : requirement ? `role-level-${requirement.skillId}` : undefined };
          }) ?? [{ message: error.message }]
        );
      }),
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit}>
      <ProblemSummary problems={problems} />
      <h3>{role ? `Edit ${role.name}` : 'New role profile'}</h3>
      <TextInput id="role-name" label="Name" value={name} error={fieldProblem(problems, 'role-name')} onChange={(event) => setName(event.currentTarget.value)} />
      <Select id="role-band" label="Band" value={band} onChange={(event) => setBand(event.currentTarget.value as Band)}>
        {bands.map((option) => (
          <Select.Option key={option} value={option}>
            {bandLabel(option)}
          </Select.Option>
        ))}
      </Select>
      <Textarea id="role-description" label="Description (optional)" rows={2} value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
      {skills.map((skill) => (
        <Select
          key={skill.id}
          id={`role-level-${skill.id}`}
          label={`${skill.name}: level required`}
          value={levels[skill.id] ?? ''}
          error={fieldProblem(problems, `role-level-${skill.id}`)}
          onChange={(event) => setLevels({ ...levels, [skill.id]: event.currentTarget.value })}
        >
          <Select.Option value="">Not required</Select.Option>
          {skillLevels.map((level) => (
            <Select.Option key={level} value={String(level)}>
              {skillLevelLabel(level)}
            </Select.Option>
          ))}
        </Select>
      ))}
      <Button type="submit" disabled={creating.fetching || updating.fetching}>
        {role ? 'Save role profile' : 'Add role profile'}
      </Button>
      <Button type="button" secondary onClick={onDone}>
        Cancel
      </Button>
    </form>
  );
}
