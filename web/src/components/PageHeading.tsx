import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const serviceName = 'Analyst Pool';

interface PageHeadingProps {
  children: string;
  /** Shown above the heading, inside it, e.g. the organisation of an analyst. */
  caption?: string;
  /** Document title when it differs from the heading, e.g. "Error: Sign in". */
  documentTitle?: string;
}

/**
 * The page's one h1. It names the document and, after every client-side navigation, takes focus so
 * screen reader and keyboard users start reading the new page from its heading.
 */
export function PageHeading({ children, caption, documentTitle }: PageHeadingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const title = documentTitle ?? children;

  useEffect(() => {
    document.title = `${title} – ${serviceName}`;
  }, [title]);

  useEffect(() => {
    // "default" is the key of the first location: on a fresh page load the skip link should come first.
    if (location.key !== 'default') heading.current?.focus();
  }, [location.pathname]);

  return (
    <h1 ref={heading} tabIndex={-1} className="app-page-heading">
      {caption && (
        <span className="nhsuk-caption-l">
          {caption}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
      )}
      {children}
    </h1>
  );
}
