import { CsvDownloadButton, type ExportKind } from '../../components/CsvDownloadButton.tsx';

const downloads: readonly { kind: ExportKind; label: string }[] = [
  { kind: 'ALLOCATIONS', label: 'allocations' },
  { kind: 'ANALYSTS', label: 'analysts' },
  { kind: 'REQUESTS', label: 'requests' },
  { kind: 'ORGANISATIONS', label: 'organisations' },
  { kind: 'SKILLS', label: 'skills taxonomy' },
];

/** Download buttons for each CSV export; the files open in a spreadsheet and re-import unchanged. */
export function ExportDownloads() {
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export to CSV</h2>
      <p>
        Files open in a spreadsheet. Analysts, requests, organisations and skills come in the same columns the import reads,
        so an edited file can be imported back.
      </p>
      <ul className="nhsuk-list">
        {downloads.map(({ kind, label }) => (
          <li key={kind}>
            <CsvDownloadButton kind={kind} label={label} />
          </li>
        ))}
      </ul>
    </section>
  );
}
