import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../session/SessionProvider.tsx';
import { DevelopmentPlacements } from './DevelopmentPlacements.tsx';
import { FeedbackDue } from './FeedbackDue.tsx';
import { MyCareerPath } from './MyCareerPath.tsx';
import { RoleProfiles } from './RoleProfiles.tsx';

/** Careers for each role: an analyst's own path, an organisation lead's feedback, the workforce lead's overview. */
export function CareerPage() {
  const me = useSignedInUser();
  switch (me.role) {
    case 'ANALYST':
      return (
        <>
          <PageHeading>My career</PageHeading>
          {me.analyst ? <MyCareerPath /> : <p>Only analysts in the pool have a career path here.</p>}
        </>
      );
    case 'ORGANISATION_LEAD':
      return (
        <>
          <PageHeading>Careers</PageHeading>
          <FeedbackDue />
        </>
      );
    case 'WORKFORCE_LEAD':
      return (
        <>
          <PageHeading>Careers</PageHeading>
          <DevelopmentPlacements />
          <RoleProfiles />
        </>
      );
  }
}
