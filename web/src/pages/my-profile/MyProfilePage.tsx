import { Button, Checkboxes, Radios, Select } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { bandLabel, organisationKindLabel, sentenceCase } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { sections } from '../../sections.ts';
import { fieldProblem, ProblemSummary } from '../allocations/ProblemSummary.tsx';
import type { Problem } from '../allocations/problems.ts';
import { AvailabilityFieldset } from './AvailabilityFieldset.tsx';
import { initialValues, saveProblems, submissionOf, type ProfileValues } from './profileForm.ts';
import { SkillLevelsTable } from './SkillLevelsTable.tsx';

export const MyProfileQuery = graphql(`
  query MyProfile {
    me {
      id
      analyst {
        id
        version
        name
        workPreference
        sectorsOfInterest
        targetRole { id }
        skills { level evidencedLevel lastEvidencedAt skill { id name } }
        aspirations { targetLevel skill { id } }
        availabilities { id startWeek endWeek availableFraction }
      }
    }
    skills(first: 100) { edges { node { id name } } }
    roleProfiles(first: 100) { edges { node { id name band } } }
  }
`);

export const UpdateMyProfileMutation = graphql(`
  mutation UpdateMyProfile($id: ID!, $version: Int!, $input: UpdateAnalystProfileInput!) {
    updateAnalystProfile(id: $id, version: $version, input: $input) { id version }
  }
`);

type Data = ResultOf<typeof MyProfileQuery>;
type Analyst = NonNullable<NonNullable<Data['me']>['analyst']>;

const workPreferences = ['REMOTE', 'ON_SITE', 'HYBRID'] as const;
const sectors = [
  'ICB',
  'ACUTE_TRUST',
  'MENTAL_HEALTH_TRUST',
  'COMMUNITY_TRUST',
  'AMBULANCE_TRUST',
  'PRIMARY_CARE',
  'LOCAL_AUTHORITY',
  'SOCIAL_CARE',
  'HOSPICE',
  'VCSE',
] as const;

export function MyProfilePage() {
  const query = useQuery({ query: MyProfileQuery, requestPolicy: 'cache-and-network' });
  // Kept here: the form starts afresh from each saved version, the confirmation must outlive it.
  const [saved, setSaved] = useState(false);
  return (
    <QueryStates query={query} heading="My skills and aspirations" loading="Loading your profile…" what="your profile">
      {(data) =>
        data.me?.analyst ? (
          <ProfileForm
            key={data.me.analyst.version}
            analyst={data.me.analyst}
            data={data}
            saved={saved}
            onSaved={setSaved}
            reload={() => query[1]({ requestPolicy: 'network-only' })}
          />
        ) : (
          <>
            <PageHeading>My skills and aspirations</PageHeading>
            <p>Only analysts in the pool have a profile to keep.</p>
          </>
        )
      }
    </QueryStates>
  );
}

interface ProfileFormProps {
  analyst: Analyst;
  data: Data;
  saved: boolean;
  onSaved: (saved: boolean) => void;
  reload: () => void;
}

function ProfileForm({ analyst, data, saved, onSaved, reload }: ProfileFormProps) {
  const [values, setValues] = useState<ProfileValues>(() => initialValues(analyst));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [stale, setStale] = useState(false);
  const [{ fetching }, save] = useMutation(UpdateMyProfileMutation);
  const set = <Key extends keyof ProfileValues>(key: Key, value: ProfileValues[Key]) => {
    onSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };
  const problemFor = (field: string) => fieldProblem(problems, field);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submission = submissionOf(values);
    const result = await save({ id: analyst.id, version: analyst.version, input: submission.input });
    if (result.error) {
      onSaved(false);
      const refused = saveProblems(result.error, submission.fieldOf);
      setProblems(refused.problems);
      setStale(refused.stale);
      return;
    }
    setProblems([]);
    onSaved(true);
    reload();
  }

  const skills = data.skills.edges.map(({ node }) => node);
  const roles = data.roleProfiles.edges.map(({ node }) => node);

  return (
    <>
      <ProblemSummary problems={problems} onReload={stale ? reload : undefined} />
      <PageHeading caption={analyst.name} documentTitle={problems.length > 0 ? 'Error: My skills and aspirations' : undefined}>
        My skills and aspirations
      </PageHeading>
      {saved && (
        <div className="nhsuk-inset-text" role="status">
          <p>
            Your profile is saved. The next matching run uses it; see your <Link to={sections.opportunities.path}>opportunities</Link>.
          </p>
        </div>
      )}
      <form noValidate onSubmit={handleSubmit}>
        <h2>Skills</h2>
        <SkillLevelsTable skills={skills} held={analyst.skills} values={values} problems={problems} onChange={set} />
        <h2>Where you want to go</h2>
        <Select
          id="target-role"
          label="Target role"
          hint="The role profile you are working towards; your career page shows the gap."
          value={values.targetRoleId}
          error={problemFor('target-role')}
          onChange={(event) => set('targetRoleId', event.currentTarget.value)}
        >
          <Select.Option value="">No target role yet</Select.Option>
          {roles.map((role) => (
            <Select.Option key={role.id} value={role.id}>
              {role.name} ({bandLabel(role.band)})
            </Select.Option>
          ))}
        </Select>
        <Radios id="work-preference" legend="How you prefer to work" error={problemFor('work-preference')}>
          {workPreferences.map((preference) => (
            <Radios.Item
              key={preference}
              id={`work-preference-${preference}`}
              name="workPreference"
              value={preference}
              checked={values.workPreference === preference}
              onChange={() => set('workPreference', preference)}
            >
              {sentenceCase(preference)}
            </Radios.Item>
          ))}
        </Radios>
        <Checkboxes id="sectors" legend="Sectors you would like to work for" hint="Select all that apply.">
          {sectors.map((sector) => (
            <Checkboxes.Item
              key={sector}
              id={`sector-${sector}`}
              value={sector}
              checked={values.sectors.includes(sector)}
              onChange={(event) =>
                set('sectors', event.currentTarget.checked ? [...values.sectors, sector] : values.sectors.filter((chosen) => chosen !== sector))
              }
            >
              {organisationKindLabel(sector)}
            </Checkboxes.Item>
          ))}
        </Checkboxes>
        <AvailabilityFieldset rows={values.availability} problems={problems} onChange={(rows) => set('availability', rows)} />
        <Button type="submit" disabled={fetching}>
          Save my profile
        </Button>
      </form>
      <h2>Who has viewed your profile</h2>
      <p>
        Leads open your profile to plan work with you; <Link to="/my-profile/views">see who has opened it</Link>.
      </p>
    </>
  );
}
