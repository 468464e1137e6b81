import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../graphql.ts';

export const ExportCsvQuery = graphql(`
  query ExportCsv($kind: ExportKind!) {
    exportCsv(kind: $kind)
  }
`);

type ExportKind = 'SKILLS' | 'ORGANISATIONS' | 'ANALYSTS' | 'REQUESTS' | 'ALLOCATIONS';

const downloads: readonly { kind: ExportKind; label: string }[] = [
  { kind: 'ALLOCATIONS', label: 'Allocations' },
  { kind: 'ANALYSTS', label: 'Analysts' },
  { kind: 'REQUESTS', label: 'Requests' },
  { kind: 'ORGANISATIONS', label: 'Organisations' },
  { kind: 'SKILLS', label: 'Skills taxonomy' },
];

/** Saves text as a file through a temporary link, as a download button must. */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Download buttons for each CSV export; the files open in a spreadsheet and re-import unchanged. */
export function ExportDownloads() {
  const client = useClient();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function download(kind: ExportKind) {
    setBusy(kind);
    setFailure(null);
    const result = await client.query(ExportCsvQuery, { kind }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(null);
    if (result.data) saveFile(`${kind.toLowerCase()}.csv`, result.data.exportCsv);
    else setFailure(result.error?.graphQLErrors[0]?.message ?? 'The service did not respond. Try again.');
  }

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export to CSV</h2>
      <p>
        Files open in a spreadsheet. Analysts, requests, organisations and skills come in the same columns the import reads,
        so an edited file can be imported back.
      </p>
      {failure && (
        <div className="nhsuk-error-summary" role="alert">
          <h3 className="nhsuk-error-summary__title">The export did not work</h3>
          <div className="nhsuk-error-summary__body">
            <p>{failure}</p>
          </div>
        </div>
      )}
      <ul className="nhsuk-list app-button-list">
        {downloads.map(({ kind, label }) => (
          <li key={kind}>
            <Button secondary type="button" disabled={busy !== null} onClick={() => download(kind)}>
              {busy === kind ? `Preparing ${label.toLowerCase()}…` : `Download ${label.toLowerCase()}`}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
