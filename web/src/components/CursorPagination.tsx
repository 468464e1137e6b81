import { ArrowLeftIcon, ArrowRightIcon, Pagination } from 'nhsuk-react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { plural } from '../format.ts';

const trailParam = 'after';

/**
 * Cursor paging kept in the URL: every "after" parameter is the end cursor of a page already seen,
 * so the last one fetches the current page and dropping it goes back one page. Reload and the
 * browser's back button therefore land on the same page.
 */
export function useCursorPage(): { after: string | null; pageNumber: number; trail: string[] } {
  const [searchParams] = useSearchParams();
  const trail = searchParams.getAll(trailParam);
  return { after: trail.at(-1) ?? null, pageNumber: trail.length + 1, trail };
}

/** The search parameters without the page trail, i.e. for page 1. */
function withoutCursors(searchParams: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(searchParams);
  next.delete(trailParam);
  return next;
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

interface PagedResultsProps {
  connection: { totalCount: number; pageInfo: PageInfo };
  pageSize: number;
  /** Singular and plural, e.g. ["analyst", "analysts"]. */
  noun: [string, string];
  children: ReactNode;
}

/** One page of a connection: how many were found, the page itself, then links to the pages either side. */
export function PagedResults({ connection: { totalCount, pageInfo }, pageSize, noun, children }: PagedResultsProps) {
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
  return (
    <>
      <ResultsSummary totalCount={totalCount} pageCount={pageCount} noun={noun} />
      {children}
      <CursorPagination pageInfo={pageInfo} pageCount={pageCount} />
    </>
  );
}

function CursorPagination({ pageInfo, pageCount }: { pageInfo: PageInfo; pageCount: number }) {
  const [searchParams] = useSearchParams();
  const { trail, pageNumber } = useCursorPage();
  const endCursor = pageInfo.endCursor;

  if (pageNumber === 1 && !pageInfo.hasNextPage) return null;

  function linkWithTrail(cursors: string[]): string {
    const next = withoutCursors(searchParams);
    for (const cursor of cursors) next.append(trailParam, cursor);
    return `?${next.toString()}`;
  }

  return (
    <Pagination aria-label={`Results pages, page ${pageNumber} of ${pageCount}`}>
      {pageNumber > 1 && (
        <Pagination.Link previous asElement={Link} to={linkWithTrail(trail.slice(0, -1))}>
          <PagerLinkContent direction="Previous" label={`Page ${pageNumber - 1} of ${pageCount}`} />
        </Pagination.Link>
      )}
      {pageInfo.hasNextPage && endCursor && (
        <Pagination.Link next asElement={Link} to={linkWithTrail([...trail, endCursor])}>
          <PagerLinkContent direction="Next" label={`Page ${pageNumber + 1} of ${pageCount}`} />
        </Pagination.Link>
      )}
    </Pagination>
  );
}

/** NHS.UK previous/next link content with the page it leads to (the library drops its own labelText). */
function PagerLinkContent({ direction, label }: { direction: 'Previous' | 'Next'; label: string }) {
  return (
    <>
      {direction === 'Previous' && <ArrowLeftIcon />}
      <span className="nhsuk-pagination__title">
        {direction}
        <span className="nhsuk-u-visually-hidden"> page</span>
      </span>
      <span className="nhsuk-u-visually-hidden">:</span>
      <span className="nhsuk-pagination__page">{label}</span>
      {direction === 'Next' && <ArrowRightIcon />}
    </>
  );
}

/**
 * "30 analysts found, page 2 of 2". Announced when it changes, and focused after a page change, since
 * the link just followed may no longer exist on the new page.
 */
function ResultsSummary({ totalCount, pageCount, noun }: { totalCount: number; pageCount: number; noun: [string, string] }) {
  const { pageNumber } = useCursorPage();
  const summary = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(pageNumber);

  useEffect(() => {
    if (shownPage.current === pageNumber) return;
    shownPage.current = pageNumber;
    summary.current?.focus();
  }, [pageNumber]);

  return (
    <p ref={summary} tabIndex={-1} className="nhsuk-body app-results-summary" role="status">
      {plural(totalCount, ...noun)} found{pageCount > 1 ? `, page ${pageNumber} of ${pageCount}` : ''}
    </p>
  );
}
