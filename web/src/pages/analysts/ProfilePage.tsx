import { Table } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { SummaryRows } from '../../components/SummaryRows.tsx';
import { bandLabel, dateLabel, fteLabel, percentLabel, sentenceCase, skillLevelLabel, strongestFirst } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';

export const AnalystProfileQuery = graphql(`
  query AnalystProfile($id: ID!, $allocationsFirst: Int!) {
    analyst(id: $id) {
      id
      name
      status
      leftOn
      anonymisationDueOn
      canRecordLeaving
      canCancelLeaving
      jobTitle
      band
      organisation { id name }
      contractedFte
      pooledFte
      protectedDevelopmentShare
      workPreference
      targetRole { id name }
      skills { level lastEvidencedAt skill { id name } }
      aspirations { targetLevel skill { id name } }
      email
      availabilities { id startWeek endWeek availableFraction }
      allocations(first: $allocationsFirst) {
        totalCount
        edges {
          node {
            id
            fte
            startWeek
            endWeek
            kind
            status
            request { id title project { id title organisation { id name } } }
          }
        }
      }
    }
  }
`);

type Analyst = NonNullable<ResultOf<typeof AnalystProfileQuery>['analyst']>;

const allocationsShown = 20;
const personalDetailsNotice = 'Visible to the analyst, their organisation lead and workforce leads';

export function ProfilePage() {
  const { id = '' } = useParams();
  const query = useQuery({ query: AnalystProfileQuery, variables: { id, allocationsFirst: allocationsShown } });

  return (
    <QueryStates query={query} heading="Analyst profile" loading="Loading the analyst’s profile…" what="this analyst">
      {({ analyst }) =>
        analyst ? (
          <>
            <PageHeading caption={analyst.organisation.name}>{analyst.name}</PageHeading>
            <Leaving analyst={analyst} />
            <Summary analyst={analyst} />
            <Skills analyst={analyst} />
            <Aspirations analyst={analyst} />
            <PersonalDetails analyst={analyst} />
            <Allocations analyst={analyst} />
          </>
        ) : (
          <NotFoundPage heading="Analyst not found" explanation="This analyst is not in your integrated care system’s pool, or the link is out of date." />
        )
      }
    </QueryStates>
  );
}

/**
 * A leaver's dates, or those of an analyst leaving on a later day (personal: for the analyst, their organisation
 * lead and workforce leads), with the way to record or cancel leaving for the leads who may.
 */
function Leaving({ analyst }: { analyst: Analyst }) {
  if (analyst.canRecordLeaving) {
    return (
      <p>
        <Link to={`/analysts/${analyst.id}/leaving`}>Record that this analyst is leaving</Link>
      </p>
    );
  }
  const leaving = analyst.status === 'ACTIVE' && analyst.leftOn;
  if (analyst.status !== 'LEFT' && !leaving) return null;
  return (
    <div className="nhsuk-inset-text">
      {leaving ? (
        <p>
          <strong className="nhsuk-tag nhsuk-tag--orange">Leaving</strong> Leaving on {dateLabel(leaving)}.
        </p>
      ) : (
        <p>
          <strong className="nhsuk-tag nhsuk-tag--grey">Left</strong> {analyst.leftOn ? `Left on ${dateLabel(analyst.leftOn)}.` : 'Has left the pool.'}
        </p>
      )}
      {analyst.anonymisationDueOn && <p>Personal data will be anonymised on {dateLabel(analyst.anonymisationDueOn)}.</p>}
      {analyst.canCancelLeaving && (
        <p>
          <Link to={`/analysts/${analyst.id}/leaving/cancel`}>Cancel leaving</Link>
        </p>
      )}
    </div>
  );
}

function Summary({ analyst }: { analyst: Analyst }) {
  const rows: [string, string][] = [
    ['Job title', analyst.jobTitle],
    ['Band', bandLabel(analyst.band)],
    ['Organisation', analyst.organisation.name],
    ['Contracted time', fteLabel(analyst.contractedFte)],
    ['Time in the pool', fteLabel(analyst.pooledFte)],
    ['Protected development time', percentLabel(analyst.protectedDevelopmentShare)],
    ['Work preference', sentenceCase(analyst.workPreference)],
    ['Target role', analyst.targetRole?.name ?? 'Not chosen yet'],
  ];
  return <SummaryRows rows={rows} />;
}

function Skills({ analyst }: { analyst: Analyst }) {
  const skills = strongestFirst(analyst.skills);
  return (
    <>
      <h2>Skills</h2>
      {skills.length === 0 ? (
        <p>No skills recorded yet.</p>
      ) : (
        <Table firstCellIsHeader caption="Skills and levels (1 Awareness, 2 Working, 3 Practitioner, 4 Expert)" captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Skill</Table.Cell>
              <Table.Cell>Level</Table.Cell>
              <Table.Cell>Last evidenced</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {skills.map(({ skill, level, lastEvidencedAt }) => (
              <Table.Row key={skill.id}>
                <Table.Cell>{skill.name}</Table.Cell>
                <Table.Cell>{skillLevelLabel(level)}</Table.Cell>
                <Table.Cell>{lastEvidencedAt ? dateLabel(lastEvidencedAt) : 'Not evidenced yet'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}

/** Aspirations are personal: null unless the viewer is the analyst, their organisation lead or a workforce lead. */
function Aspirations({ analyst }: { analyst: Analyst }) {
  const { aspirations } = analyst;
  const current = new Map(analyst.skills.map(({ skill, level }) => [skill.id, level]));
  return (
    <>
      <h2>Aspirations</h2>
      {aspirations === null ? (
        <p>Only the analyst, their organisation lead and workforce leads see aspirations.</p>
      ) : aspirations.length === 0 ? (
        <p>No aspirations recorded yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {aspirations.map(({ skill, targetLevel }) => {
            const level = current.get(skill.id);
            return (
              <li key={skill.id}>
                {skill.name}: aiming for {skillLevelLabel(targetLevel)}
                {level ? ` (now ${skillLevelLabel(level)})` : ' (new skill)'}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** Email and availability are null unless the viewer is the analyst, their organisation lead or a workforce lead. */
function PersonalDetails({ analyst }: { analyst: Analyst }) {
  const { email, availabilities } = analyst;
  return (
    <>
      <h2>Contact and availability</h2>
      {email === null && availabilities === null ? (
        <div className="nhsuk-inset-text">
          <p>{personalDetailsNotice}.</p>
        </div>
      ) : (
        <>
          <SummaryRows rows={[['Email', email ? <a href={`mailto:${email}`}>{email}</a> : personalDetailsNotice]]} />
          <Availability availabilities={availabilities} />
        </>
      )}
    </>
  );
}

function Availability({ availabilities }: { availabilities: Analyst['availabilities'] }) {
  if (availabilities === null) return <p>Availability: {personalDetailsNotice}.</p>;
  if (availabilities.length === 0) return <p>No leave or reduced availability recorded.</p>;
  return (
    <Table caption="Leave and reduced availability" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>From week of</Table.Cell>
          <Table.Cell>To week of</Table.Cell>
          <Table.Cell>Available</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {availabilities.map((period) => (
          <Table.Row key={period.id}>
            <Table.Cell>{dateLabel(period.startWeek)}</Table.Cell>
            <Table.Cell>{dateLabel(period.endWeek)}</Table.Cell>
            <Table.Cell>{percentLabel(period.availableFraction)} of pooled time</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function Allocations({ analyst }: { analyst: Analyst }) {
  const { totalCount, edges } = analyst.allocations;
  return (
    <>
      <h2>Allocations</h2>
      {edges.length === 0 ? (
        <p>{analyst.name} has no allocations yet.</p>
      ) : (
        <Table responsive caption={totalCount > edges.length ? `Allocations, ${edges.length} of ${totalCount}` : 'Allocations'} captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Request</Table.Cell>
              <Table.Cell>For</Table.Cell>
              <Table.Cell>Time</Table.Cell>
              <Table.Cell>Weeks</Table.Cell>
              <Table.Cell>Kind</Table.Cell>
              <Table.Cell>Status</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {edges.map(({ node: allocation }) => (
              <Table.Row key={allocation.id}>
                <Table.Cell>
                  <Link to={`/projects/${allocation.request.project.id}`}>{allocation.request.title}</Link>
                  <span className="nhsuk-body-s app-secondary-text">{allocation.request.project.title}</span>
                </Table.Cell>
                <Table.Cell>{allocation.request.project.organisation.name}</Table.Cell>
                <Table.Cell>{fteLabel(allocation.fte)}</Table.Cell>
                <Table.Cell>
                  {dateLabel(allocation.startWeek)} to {dateLabel(allocation.endWeek)}
                </Table.Cell>
                <Table.Cell>{sentenceCase(allocation.kind)}</Table.Cell>
                <Table.Cell>
                  <StatusTag status={allocation.status} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
