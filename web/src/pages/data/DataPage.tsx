import { PageHeading } from '../../components/PageHeading.tsx';
import { ExportDownloads } from './ExportDownloads.tsx';
import { ImportWizard } from './ImportWizard.tsx';

/** Spreadsheets in and out: the workforce data leads already keep, without retyping. */
export function DataPage() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <PageHeading>Import and export</PageHeading>
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">Import from CSV</h2>
          <p>
            The file is checked first: you see what would be created and changed, and every problem by row and column.
            Importing is all or nothing, and importing the same file again changes nothing.
          </p>
          <ImportWizard />
        </section>
        <ExportDownloads />
      </div>
    </div>
  );
}
