import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.tsx';

interface NotFoundPageProps {
  heading?: string;
  explanation?: string;
}

export function NotFoundPage({
  heading = 'Page not found',
  explanation = 'If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.',
}: NotFoundPageProps) {
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <p>{explanation}</p>
      <p>
        <Link to="/">Go to the Analyst Pool home page</Link>
      </p>
    </>
  );
}
