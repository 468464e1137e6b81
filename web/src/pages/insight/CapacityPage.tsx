import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { dateLabel, sentenceCase, skillLevelLabel } from '../../format.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { CapacityFilters, skillCategories, type CapacityFilterFields } from './CapacityFilters.tsx';
import { exportHref, monthWindowFrom, monthWindowVariables } from './reportParams.ts';
import { ShortfallHeatmap } from './ShortfallHeatmap.tsx';
import { SupplyDemandTable } from './SupplyDemandTable.tsx';
import './insight.css';

export const CapacityDemandQuery = graphql(`
  query CapacityDemand($fromMonth: Date, $months: Int, $minLevel: Int, $organisationId: ID, $category: SkillCategory) {
    capacityDemand(fromMonth: $fromMonth, months: $months, minLevel: $minLevel, organisationId: $organisationId, category: $category) {
      startWeek
      endWeek
      minLevel
      months { label }
      skills { key label cells { bucket supply demand shortfall } }
      categories { key label cells { bucket supply demand shortfall } }
      organisations { key label cells { bucket supply demand shortfall } }
      singlePointsOfFailure { skillId name holders }
      forecast { startWeek endWeek quarters { label } skills { key label cells { bucket supply demand shortfall } } }
    }
  }
`);

type Report = ResultOf<typeof CapacityDemandQuery>['capacityDemand'];
type Category = (typeof skillCategories)[number];

function filtersFrom(params: URLSearchParams) {
  const window = monthWindowFrom(params);
  const level = Number(params.get('level'));
  const category = params.get('category');
  return {
    window,
    minLevel: level >= 1 && level <= 4 ? level : 3,
    category: (skillCategories as readonly string[]).includes(category ?? '') ? (category as Category) : null,
    organisationId: params.get('organisation') || null,
  };
}

export function CapacityPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const variables = { ...monthWindowVariables(filters.window), minLevel: filters.minLevel, category: filters.category, organisationId: filters.organisationId };
  const query = useQuery({ query: CapacityDemandQuery, variables });
  const fields: CapacityFilterFields = {
    from: filters.window.fromMonth ?? '',
    months: String(filters.window.months),
    level: String(filters.minLevel),
    category: filters.category ?? '',
    organisation: filters.organisationId ?? '',
  };

  return (
    <>
      <PageHeading>Capacity and demand</PageHeading>
      <p className="nhsuk-lede-text">Pooled analyst time by skill and month against what submitted and active requests need.</p>
      <CapacityFilters fields={fields} onApply={setParams} />
      <QueryStates query={query} loading="Loading capacity and demand…" what="capacity and demand">
        {({ capacityDemand }) => <CapacityReport report={capacityDemand} href={exportHref('/export/capacity-demand.csv', variables)} />}
      </QueryStates>
    </>
  );
}

function CapacityReport({ report, href }: { report: Report; href: string }) {
  const months = report.months.map((month) => month.label);
  const level = skillLevelLabel(report.minLevel);
  return (
    <>
      <div className="app-report-actions">
        <p className="nhsuk-body nhsuk-u-margin-bottom-0">
          Weeks of {dateLabel(report.startWeek)} to {dateLabel(report.endWeek)}; supply counts analysts at {level} or above, in FTE
          averaged over each month’s weeks.
        </p>
        <a className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" href={href} download>
          Download as CSV
        </a>
      </div>
      {report.skills.length === 0 ? (
        <p>No skills match these filters.</p>
      ) : (
        <>
          <h2>Shortfall by skill</h2>
          <ShortfallHeatmap
            rows={report.skills}
            buckets={months}
            description={`Heatmap of shortfall by skill and month at ${level} or above; the table below gives the same numbers.`}
          />
          <SupplyDemandTable caption="Supply and demand by skill, in FTE" rowHeader="Skill" rows={report.skills} buckets={months} />
        </>
      )}
      <SinglePointsOfFailure skills={report.singlePointsOfFailure} level={level} />
      {report.categories.length > 0 && (
        <SupplyDemandTable
          caption="Supply and demand by skill category, in FTE"
          rowHeader="Category"
          rows={report.categories.map((row) => ({ ...row, label: sentenceCase(row.label) }))}
          buckets={months}
        />
      )}
      <SupplyDemandTable
        caption="Each organisation’s pooled analysts against its own requests, in FTE"
        rowHeader="Organisation"
        rows={report.organisations}
        buckets={months}
      />
      <h2>Forecast for the next two quarters</h2>
      <p>
        From the requests submitted so far, for the weeks of {dateLabel(report.forecast.startWeek)} to {dateLabel(report.forecast.endWeek)}.
      </p>
      <SupplyDemandTable
        caption="Forecast supply and demand by skill, in FTE"
        rowHeader="Skill"
        rows={report.forecast.skills}
        buckets={report.forecast.quarters.map((quarter) => quarter.label)}
      />
    </>
  );
}

function SinglePointsOfFailure({ skills, level }: { skills: Report['singlePointsOfFailure']; level: string }) {
  return (
    <>
      <h2>Single points of failure</h2>
      {skills.length === 0 ? (
        <p>Every skill is held by at least three analysts at {level} or above.</p>
      ) : (
        <>
          <p>Skills held by only one or two analysts at {level} or above:</p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {skills.map((skill) => (
              <li key={skill.skillId}>
                <strong>{skill.name}</strong>: {skill.holders.join(' and ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
