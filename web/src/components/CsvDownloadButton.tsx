import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../graphql.ts';

export const ExportCsvQuery = graphql(`
  query ExportCsv($kind: ExportKind!) {
    exportCsv(kind: $kind)
  }
`);

export type ExportKind = 'SKILLS' | 'ORGANISATIONS' | 'ANALYSTS' | 'REQUESTS' | 'ALLOCATIONS';

/** Saves text as a file through a temporary link, as a download button must. */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** "Download <label>": one CSV export (within the viewer's scope) saved as `<kind>.csv`, saying so when it fails. */
export function CsvDownloadButton({ kind, label }: { kind: ExportKind; label: string }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setFailure(null);
    const result = await client.query(ExportCsvQuery, { kind }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (result.data) saveFile(`${kind.toLowerCase()}.csv`, result.data.exportCsv);
    else setFailure(result.error?.graphQLErrors[0]?.message ?? 'The service did not respond. Try again.');
  }

  return (
    <>
      <Button secondary type="button" disabled={busy} onClick={download}>
        {busy ? `Preparing ${label}…` : `Download ${label}`}
      </Button>
      {failure && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> The download did not work: {failure}
        </p>
      )}
    </>
  );
}
