import { Table } from 'nhsuk-react-components';
import { skillLevelLabel } from '../../format.ts';
import type { AllocationDetail } from './AllocationPage.tsx';

type Explanation = AllocationDetail['explanation'];

const fitLabels: Record<string, string> = {
  ABOVE: 'Above what is asked',
  MEETS: 'Meets it',
  ONE_BELOW: 'One level below (development)',
  BELOW: 'Below what is asked',
  MISSING: 'Does not hold it',
};

function levelOrNone(level: number): string {
  return level === 0 ? 'None' : skillLevelLabel(level);
}

/** Why the engine proposed this analyst, in the sentences and numbers a person can check. */
export function ExplanationDetails({ explanation }: { explanation: Explanation | null }) {
  if (!explanation) {
    return <p>The workforce lead proposed this analyst by hand, so there is no matching explanation.</p>;
  }
  return (
    <>
      <p>{explanation.summary}</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          Ranked {explanation.rank} of {explanation.candidateCount} eligible analysts.
        </li>
        <li>{explanation.fairness.text}</li>
        {explanation.development && <li>{explanation.development.text}</li>}
        {explanation.interest && <li>The analyst said they are interested in this request.</li>}
        {explanation.nextCandidate && (
          <li>
            Next candidate, {explanation.nextCandidate.analystName}: {explanation.nextCandidate.reason}
          </li>
        )}
      </ul>
      {explanation.skills.length > 0 && (
        <Table responsive firstCellIsHeader caption="How the analyst's skills fit the request" captionProps={{ size: 's' }}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Skill</Table.Cell>
              <Table.Cell>Asked for</Table.Cell>
              <Table.Cell>Analyst's level</Table.Cell>
              <Table.Cell>Fit</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {explanation.skills.map((skill) => (
              <Table.Row key={`${skill.kind}:${skill.skillId}`}>
                <Table.Cell>{skill.skillName}</Table.Cell>
                <Table.Cell>
                  {skillLevelLabel(skill.wantedLevel)} ({skill.kind === 'REQUIRED' ? 'must have' : 'would like'})
                </Table.Cell>
                <Table.Cell>{levelOrNone(skill.analystLevel)}</Table.Cell>
                <Table.Cell>{fitLabels[skill.fit] ?? skill.fit}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
