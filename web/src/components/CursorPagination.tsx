import { ArrowLeftIcon, ArrowRightIcon, Pagination } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
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

/** Search parameters for a fresh query (new filters start again at page 1). */
export function withoutCursors(searchParams: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(searchParams);
  next.delete(trailParam);
  return next;
}

interface CursorPaginationProps {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
  pageSize: number;
}

export function CursorPagination({ pageInfo, totalCount, pageSize }: CursorPaginationProps) {
  const [searchParams] = useSearchParams();
  const { trail, pageNumber } = useCursorPage();
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
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
export function ResultsSummary({ totalCount, pageSize, noun }: { totalCount: number; pageSize: number; noun: [string, string] }) {
  const { pageNumber } = useCursorPage();
  const summary = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(pageNumber);
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));

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
