import { Button, ErrorSummary, SummaryList, Table } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
import { sentenceCase } from '../../format.ts';
import type { ImportOutcome } from './ImportWizard.tsx';

interface ImportPreviewProps {
  fileName: string;
  outcome: ImportOutcome;
  importing: boolean;
  failure: string | null;
  onImport: () => void;
  onStartAgain: () => void;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const where = (problem: { row: number; column: string | null }) =>
  problem.row === 0 ? 'The file' : `Row ${problem.row}${problem.column ? `, ${problem.column}` : ''}`;

/** What importing would do; with problems, each listed by row and column, and nothing to import until fixed. */
export function ImportPreview({ fileName, outcome, importing, failure, onImport, onStartAgain }: ImportPreviewProps) {
  const summary = useRef<HTMLDivElement>(null);
  const hasProblems = outcome.problemCount > 0;
  const changes = outcome.changes.filter((change) => change.action !== 'UNCHANGED');

  useEffect(() => {
    if (hasProblems || failure) summary.current?.focus();
  }, [hasProblems, failure]);

  return (
    <>
      {(hasProblems || failure) && (
        <ErrorSummary ref={summary} tabIndex={-1} disableAutoFocus>
          <ErrorSummary.Title>
            {failure ?? `${fileName} has ${plural(outcome.problemCount, 'problem')}`}
          </ErrorSummary.Title>
          {hasProblems && (
            <div className="nhsuk-error-summary__body">
              <p>Nothing has been imported. Correct the file and check it again.</p>
              <ErrorSummary.List>
                {outcome.problems.slice(0, 10).map((problem, index) => (
                  <ErrorSummary.ListItem key={index} href={`#problem-${index}`}>
                    {where(problem)}: {problem.message}
                  </ErrorSummary.ListItem>
                ))}
              </ErrorSummary.List>
            </div>
          )}
        </ErrorSummary>
      )}
      <h2>Checked {fileName}</h2>
      <SummaryList>
        {[
          ['Rows', outcome.rowCount],
          ['New', outcome.created],
          ['Changed', outcome.updated],
          ['Unchanged', outcome.unchanged],
          ['Problems', outcome.problemCount],
        ].map(([label, value]) => (
          <SummaryList.Row key={label}>
            <SummaryList.Key>{label}</SummaryList.Key>
            <SummaryList.Value>{value}</SummaryList.Value>
          </SummaryList.Row>
        ))}
      </SummaryList>
      {hasProblems ? (
        <Table caption={`Problems${outcome.problems.length < outcome.problemCount ? ` (the first ${outcome.problems.length})` : ''}`}>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Where</Table.Cell>
              <Table.Cell>Problem</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {outcome.problems.map((problem, index) => (
              <Table.Row key={index} id={`problem-${index}`}>
                <Table.Cell>{where(problem)}</Table.Cell>
                <Table.Cell>{problem.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : changes.length > 0 ? (
        <Table caption="What the import will change">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Row</Table.Cell>
              <Table.Cell>Record</Table.Cell>
              <Table.Cell>Change</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {changes.map((change) => (
              <Table.Row key={change.row}>
                <Table.Cell>{change.row}</Table.Cell>
                <Table.Cell>{change.key}</Table.Cell>
                <Table.Cell>
                  {change.action === 'CREATE' ? 'New' : `Changes ${change.changedFields.map((field) => sentenceCase(field).toLowerCase()).join(', ')}`}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>Everything in the file is already in Analyst Pool: importing it changes nothing.</p>
      )}
      <div className="nhsuk-button-group">
        {!hasProblems && outcome.created + outcome.updated > 0 && (
          <Button type="button" disabled={importing} onClick={onImport}>
            {importing ? 'Importing…' : `Import ${plural(outcome.created + outcome.updated, 'row')}`}
          </Button>
        )}
        <Button secondary type="button" onClick={onStartAgain}>
          {hasProblems ? 'Check a corrected file' : 'Choose another file'}
        </Button>
      </div>
    </>
  );
}
