import { Table } from 'nhsuk-react-components';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { skillLevelLabel } from '../../format.ts';

export interface SkillGapRow {
  skillId: string;
  skillName: string;
  requiredLevel: number;
  currentLevel: number;
  evidencedLevel: number | null;
  gap: number;
}

/** Your level against the target role's in each skill, as bars and as a table of the same numbers. */
export function SkillGapChart({ gaps, roleName }: { gaps: readonly SkillGapRow[]; roleName: string }) {
  const data = gaps.map((gap) => ({ skill: gap.skillName, current: gap.currentLevel, required: gap.requiredLevel }));
  return (
    <>
      <figure
        className="app-chart"
        role="img"
        aria-label={`Bar chart of your level and the level ${roleName} requires in each skill, from 0 to 4. The table below gives the same numbers.`}
      >
        <ResponsiveContainer width="100%" height={Math.max(160, 60 + gaps.length * 48)}>
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24, top: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} />
            <YAxis type="category" dataKey="skill" width={160} />
            <Legend />
            <Bar dataKey="current" name="Your level" fill="#005eb8" isAnimationActive={false} />
            <Bar dataKey="required" name="Role requires" fill="#425563" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <Table responsive firstCellIsHeader caption={`Your skills against ${roleName}`} captionProps={{ size: 's' }}>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Skill</Table.Cell>
            <Table.Cell>Your level</Table.Cell>
            <Table.Cell>Role requires</Table.Cell>
            <Table.Cell>Gap</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {gaps.map((gap) => (
            <Table.Row key={gap.skillId}>
              <Table.Cell>{gap.skillName}</Table.Cell>
              <Table.Cell>
                {gap.currentLevel === 0 ? 'Not held' : skillLevelLabel(gap.currentLevel)}
                {gap.evidencedLevel ? ` (evidenced ${skillLevelLabel(gap.evidencedLevel)})` : ''}
              </Table.Cell>
              <Table.Cell>{skillLevelLabel(gap.requiredLevel)}</Table.Cell>
              <Table.Cell>{gap.gap === 0 ? 'Met' : `${gap.gap} level${gap.gap === 1 ? '' : 's'} to go`}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
