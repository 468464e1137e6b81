import { Table } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { dateLabel, plural } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MonthWindowFields } from './MonthWindowFields.tsx';
import { OrganisationField } from './OrganisationField.tsx';
import { ShowReportButton } from './ShowReportButton.tsx';
import { bucketName, filledParams, fteNumber, monthWindowFrom, monthWindowVariables } from './reportParams.ts';
import { UtilisationChart, type UtilisationTotals } from './UtilisationChart.tsx';
import './insight.css';

export const UtilisationQuery = graphql(`
  query Utilisation($fromMonth: Date, $months: Int, $organisationId: ID) {
    utilisation(fromMonth: $fromMonth, months: $months, organisationId: $organisationId) {
      startWeek
      endWeek
      months
      analysts {
        analyst { id name }
        organisation { id name }
        months { month contracted pooled allocatable allocated overCapacityWeeks }
        overCapacityWeeks
        lastDevelopmentWeek
        noDevelopmentIn12Months
      }
      organisations {
        organisation { id name }
        analystCount
        overCapacityAnalysts
        analystsWithoutDevelopment
        months { month contracted pooled allocatable allocated }
      }
    }
  }
`);

type Report = ResultOf<typeof UtilisationQuery>['utilisation'];

export function UtilisationPage() {
  const [params, setParams] = useSearchParams();
  const span = monthWindowFrom(params);
  const organisationId = params.get('organisation') || null;
  const query = useQuery({ query: UtilisationQuery, variables: { ...monthWindowVariables(span), organisationId } });
  return (
    <>
      <PageHeading>Utilisation</PageHeading>
      <p className="nhsuk-lede-text">
        Allocated time against pooled and contracted time, by analyst and month. Organisation leads see their own organisation’s analysts.
      </p>
      <UtilisationFilters
        key={params.toString()}
        from={span.fromMonth ?? ''}
        months={String(span.months)}
        organisation={organisationId ?? ''}
        onApply={setParams}
      />
      <QueryStates query={query} loading="Loading utilisation…" what="utilisation">
        {({ utilisation }) => <UtilisationReport report={utilisation} />}
      </QueryStates>
    </>
  );
}

interface UtilisationFiltersProps {
  from: string;
  months: string;
  organisation: string;
  onApply: (params: URLSearchParams) => void;
}

function UtilisationFilters({ from, months, organisation, onApply }: UtilisationFiltersProps) {
  const [fields, setFields] = useState({ from, months, organisation });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filledParams(fields));
  }
  return (
    <form className="app-filters" aria-label="Utilisation report filters" onSubmit={submit}>
      <div className="nhsuk-grid-row">
        <MonthWindowFields idPrefix="utilisation" from={fields.from} months={fields.months} onChange={(field, value) => setFields({ ...fields, [field]: value })} />
        <OrganisationField id="utilisation-organisation" workforceLeadsOnly value={fields.organisation} onChange={(value) => setFields({ ...fields, organisation: value })} />
        <ShowReportButton />
      </div>
    </form>
  );
}

function UtilisationReport({ report }: { report: Report }) {
  if (report.analysts.length === 0) return <p>There are no analysts to show.</p>;
  const overCapacity = report.analysts.filter((row) => row.overCapacityWeeks > 0);
  const withoutDevelopment = report.analysts.filter((row) => row.noDevelopmentIn12Months);
  return (
    <>
      <p>
        Weeks of {dateLabel(report.startWeek)} to {dateLabel(report.endWeek)}, in FTE averaged over each month’s weeks.
      </p>
      <h2>Needs attention</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          {overCapacity.length === 0
            ? 'No one is booked above their allocatable pooled time.'
            : `Booked above their allocatable pooled time: ${overCapacity.map((row) => `${row.analyst.name} (${plural(row.overCapacityWeeks, 'week')})`).join(', ')}.`}
        </li>
        <li>
          {withoutDevelopment.length === 0
            ? 'Everyone has had a development placement in the last 12 months.'
            : `No development placement in the last 12 months: ${plural(withoutDevelopment.length, 'analyst')}.`}
        </li>
      </ul>
      <h2>By month</h2>
      <UtilisationChart months={totalsByMonth(report)} />
      <OrganisationTable report={report} />
      <AnalystTable report={report} />
    </>
  );
}

function totalsByMonth(report: Report): UtilisationTotals[] {
  return report.months.map((month) => {
    const rows = report.organisations.flatMap((organisation) => organisation.months.filter((row) => row.month === month));
    const sum = (field: 'contracted' | 'pooled' | 'allocatable' | 'allocated') => rows.reduce((total, row) => total + row[field], 0);
    return { month, contracted: sum('contracted'), pooled: sum('pooled'), allocatable: sum('allocatable'), allocated: sum('allocated') };
  });
}

function OrganisationTable({ report }: { report: Report }) {
  return (
    <Table responsive firstCellIsHeader caption="By organisation: allocated of allocatable FTE" captionProps={{ size: 's' }} className="app-report-table">
      <Table.Head>
        <Table.Row>
          <Table.Cell>Organisation</Table.Cell>
          {report.months.map((month) => (
            <Table.Cell key={month}>{bucketName(month)}</Table.Cell>
          ))}
          <Table.Cell>Flags</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {report.organisations.map((row) => (
          <Table.Row key={row.organisation.id}>
            <Table.Cell>
              {row.organisation.name}
              <small>{plural(row.analystCount, 'analyst')}</small>
            </Table.Cell>
            {row.months.map((month) => (
              <Table.Cell key={month.month}>
                {fteNumber(month.allocated)} of {fteNumber(month.allocatable)}
                <small>
                  pooled {fteNumber(month.pooled)}, contracted {fteNumber(month.contracted)}
                </small>
              </Table.Cell>
            ))}
            <Table.Cell>
              {row.overCapacityAnalysts > 0 && <strong>{plural(row.overCapacityAnalysts, 'analyst')} over capacity</strong>}
              <small>{plural(row.analystsWithoutDevelopment, 'analyst')} without development</small>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function AnalystTable({ report }: { report: Report }) {
  return (
    <Table responsive firstCellIsHeader caption="By analyst: allocated of allocatable FTE" captionProps={{ size: 's' }} className="app-report-table">
      <Table.Head>
        <Table.Row>
          <Table.Cell>Analyst</Table.Cell>
          {report.months.map((month) => (
            <Table.Cell key={month}>{bucketName(month)}</Table.Cell>
          ))}
          <Table.Cell>Last development</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {report.analysts.map((row) => (
          <Table.Row key={row.analyst.id}>
            <Table.Cell>
              {row.analyst.name}
              <small>{row.organisation.name}</small>
            </Table.Cell>
            {row.months.map((month) => (
              <Table.Cell key={month.month}>
                {fteNumber(month.allocated)} of {fteNumber(month.allocatable)}
                {month.overCapacityWeeks > 0 && <strong> Over capacity {plural(month.overCapacityWeeks, 'week')}</strong>}
                <small>
                  pooled {fteNumber(month.pooled)}, contracted {fteNumber(month.contracted)}
                </small>
              </Table.Cell>
            ))}
            <Table.Cell>
              {row.lastDevelopmentWeek ? `Week of ${dateLabel(row.lastDevelopmentWeek)}` : 'None'}
              {row.noDevelopmentIn12Months && <strong> None in 12 months</strong>}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
