import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryStates } from '../../components/QueryStates.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { bandLabel, dateLabel, plural } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { sections } from '../../sections.ts';

export const DevelopmentPlacementsQuery = graphql(`
  query DevelopmentPlacements {
    developmentPlacements {
      total
      byBand { band placements }
      byOrganisation { organisationId organisationName analystCount placements analystsPlaced }
      placements {
        allocationId analystId analystName band homeOrganisationName requestTitle requestingOrganisationName
        startWeek endWeek status mentorName
      }
    }
  }
`);

type Report = ResultOf<typeof DevelopmentPlacementsQuery>['developmentPlacements'];

/** For the workforce lead: who gets development placements, by home organisation and band, so they are spread fairly. */
export function DevelopmentPlacements() {
  const query = useQuery({ query: DevelopmentPlacementsQuery, requestPolicy: 'cache-and-network' });
  return (
    <>
      <h2>Development placements</h2>
      <p>Placements not declined or withdrawn, from a year ago to the end of the planning horizon.</p>
      <QueryStates query={query} loading="Loading development placements…" what="development placements">
        {({ developmentPlacements: report }) =>
          report.total === 0 ? (
            <p>There are no development placements in these weeks yet.</p>
          ) : (
            <>
              <p>{plural(report.total, 'development placement')} in all.</p>
              <ByOrganisation report={report} />
              <ByBand report={report} />
              <Placements report={report} />
            </>
          )
        }
      </QueryStates>
    </>
  );
}

function ByOrganisation({ report }: { report: Report }) {
  return (
    <Table responsive firstCellIsHeader caption="By the analyst’s home organisation" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Organisation</Table.Cell>
          <Table.Cell format="numeric">Analysts</Table.Cell>
          <Table.Cell format="numeric">Placements</Table.Cell>
          <Table.Cell format="numeric">Analysts placed</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {report.byOrganisation.map((row) => (
          <Table.Row key={row.organisationId}>
            <Table.Cell>{row.organisationName}</Table.Cell>
            <Table.Cell format="numeric">{row.analystCount}</Table.Cell>
            <Table.Cell format="numeric">{row.placements}</Table.Cell>
            <Table.Cell format="numeric">{row.analystsPlaced}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function ByBand({ report }: { report: Report }) {
  return (
    <Table firstCellIsHeader caption="By band" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Band</Table.Cell>
          <Table.Cell format="numeric">Placements</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {report.byBand.map((row) => (
          <Table.Row key={row.band}>
            <Table.Cell>{bandLabel(row.band)}</Table.Cell>
            <Table.Cell format="numeric">{row.placements}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function Placements({ report }: { report: Report }) {
  return (
    <Table responsive firstCellIsHeader caption="Placements, newest first" captionProps={{ size: 's' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Analyst</Table.Cell>
          <Table.Cell>Work</Table.Cell>
          <Table.Cell>Weeks</Table.Cell>
          <Table.Cell>Mentor</Table.Cell>
          <Table.Cell>Status</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {report.placements.map((row) => (
          <Table.Row key={row.allocationId}>
            <Table.Cell>
              <Link to={`${sections.analysts.path}/${row.analystId}`}>{row.analystName}</Link>
              <span className="nhsuk-body-s app-secondary-text">
                {bandLabel(row.band)}, {row.homeOrganisationName}
              </span>
            </Table.Cell>
            <Table.Cell>
              {row.requestTitle}
              <span className="nhsuk-body-s app-secondary-text">for {row.requestingOrganisationName}</span>
            </Table.Cell>
            <Table.Cell>
              {dateLabel(row.startWeek)} to {dateLabel(row.endWeek)}
            </Table.Cell>
            <Table.Cell>{row.mentorName ?? 'None yet'}</Table.Cell>
            <Table.Cell>
              <StatusTag status={row.status} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
