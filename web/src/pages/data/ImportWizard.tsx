import { Button, ErrorSummary, Radios } from 'nhsuk-react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { graphql, readFragment, type ResultOf } from '../../graphql.ts';
import { useSignedInUser } from '../../session/SessionProvider.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { importKindsFor, type ImportKind } from './importKinds.ts';

const ImportOutcomeFields = graphql(`
  fragment ImportOutcomeFields on ImportOutcome {
    rowCount
    created
    updated
    unchanged
    problemCount
    problems { row column message }
    changes { row key action changedFields }
  }
`);

export const PreviewImportMutation = graphql(
  `
    mutation PreviewImport($kind: ImportKind!, $csv: String!) {
      previewImport(kind: $kind, csv: $csv) { ...ImportOutcomeFields }
    }
  `,
  [ImportOutcomeFields],
);

export const CommitImportMutation = graphql(
  `
    mutation CommitImport($kind: ImportKind!, $csv: String!) {
      commitImport(kind: $kind, csv: $csv) { ...ImportOutcomeFields }
    }
  `,
  [ImportOutcomeFields],
);

export type ImportOutcome = ResultOf<typeof ImportOutcomeFields>;

interface Checked {
  kind: ImportKind;
  fileName: string;
  csv: string;
  outcome: ImportOutcome;
}

type Stage = { step: 'choose' } | ({ step: 'checked' } & Checked) | ({ step: 'imported' } & Checked);

function messageOf(error: CombinedError | undefined): string {
  return error?.graphQLErrors[0]?.message ?? 'The service did not respond. Try again in a few minutes.';
}

/** Upload → preview with every problem by row and column → import all or nothing. */
export function ImportWizard() {
  const kinds = importKindsFor(useSignedInUser().role);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [formError, setFormError] = useState<{ field: 'kind' | 'file'; message: string } | null>(null);
  const [{ fetching: checking }, preview] = useMutation(PreviewImportMutation);
  const [{ fetching: importing }, commit] = useMutation(CommitImportMutation);
  const summary = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (formError) summary.current?.focus();
  }, [formError]);

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kind = form.get('kind') as ImportKind | null;
    const file = fileInput.current?.files?.[0];
    if (!kind) return setFormError({ field: 'kind', message: 'Choose what the file holds' });
    if (!file || file.size === 0) return setFormError({ field: 'file', message: 'Choose a CSV file to import' });
    const csv = await file.text();
    const result = await preview({ kind, csv });
    if (!result.data) return setFormError({ field: 'file', message: messageOf(result.error) });
    setFormError(null);
    setStage({ step: 'checked', kind, fileName: file.name, csv, outcome: readFragment(ImportOutcomeFields, result.data.previewImport) });
  }

  async function importFile(checked: Checked) {
    const result = await commit({ kind: checked.kind, csv: checked.csv });
    if (!result.data) return setFormError({ field: 'file', message: messageOf(result.error) });
    setStage({ ...checked, step: 'imported', outcome: readFragment(ImportOutcomeFields, result.data.commitImport) });
  }

  if (stage.step === 'imported') {
    const { outcome, fileName } = stage;
    return (
      <>
        <div className="nhsuk-panel nhsuk-panel--confirmation" role="status">
          <h2 className="nhsuk-panel__title">Imported {fileName}</h2>
          <div className="nhsuk-panel__body">
            {outcome.created} created, {outcome.updated} updated, {outcome.unchanged} unchanged.
          </div>
        </div>
        <Button secondary type="button" onClick={() => setStage({ step: 'choose' })}>
          Import another file
        </Button>
      </>
    );
  }

  if (stage.step === 'checked') {
    return (
      <ImportPreview
        fileName={stage.fileName}
        outcome={stage.outcome}
        importing={importing}
        failure={formError?.message ?? null}
        onImport={() => importFile(stage)}
        onStartAgain={() => {
          setFormError(null);
          setStage({ step: 'choose' });
        }}
      />
    );
  }

  return (
    <>
      {formError && (
        <ErrorSummary ref={summary} tabIndex={-1} disableAutoFocus>
          <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
          <ErrorSummary.List>
            <ErrorSummary.ListItem href={formError.field === 'kind' ? `#kind-${kinds[0]!.kind}` : '#file'}>
              {formError.message}
            </ErrorSummary.ListItem>
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <form noValidate onSubmit={check}>
        <Radios
          name="kind"
          legend="What does the file hold?"
          error={formError?.field === 'kind' ? formError.message : undefined}
        >
          {kinds.map((info) => (
            <Radios.Item key={info.kind} id={`kind-${info.kind}`} value={info.kind} hint={`Columns: ${info.columns}`}>
              {info.label}
            </Radios.Item>
          ))}
        </Radios>
        {/* A plain file input: NHS.UK's scripted upload replaces the input, which React must own. */}
        <div className={`nhsuk-form-group${formError?.field === 'file' ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor="file">
            CSV file
          </label>
          <div className="nhsuk-hint" id="file-hint">
            Save the sheet as CSV (UTF-8). Skills and aspirations are written as Skill name:level;Skill name:level, levels 1 to
            4. Dates may be 2027-01-04, 04/01/2027 or Excel dates.
          </div>
          {formError?.field === 'file' && (
            <span className="nhsuk-error-message" id="file-error">
              <span className="nhsuk-u-visually-hidden">Error:</span> {formError.message}
            </span>
          )}
          <input
            className="nhsuk-input"
            ref={fileInput}
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={formError?.field === 'file' ? 'file-hint file-error' : 'file-hint'}
          />
        </div>
        <Button type="submit" disabled={checking}>
          {checking ? 'Checking the file…' : 'Check the file'}
        </Button>
      </form>
    </>
  );
}
