import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { DirectoryFilters } from './DirectoryFilters.tsx';
import { DirectoryResults } from './DirectoryResults.tsx';
import { readDirectoryFilter } from './directoryFilter.ts';

export function DirectoryPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = readDirectoryFilter(searchParams);

  return (
    <>
      <PageHeading>Analysts</PageHeading>
      <p className="nhsuk-lede-text">Find analysts across the partner organisations by name, skill and level.</p>
      <DirectoryFilters filter={filter} onApply={setSearchParams} />
      <DirectoryResults filter={filter} />
    </>
  );
}
