import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../session/SessionProvider.tsx';
import { Projects } from './ProjectsPage.tsx';

/** The signed-in lead's own organisation's projects, drafts included, and where to start a new one. */
export function MyProjectsPage() {
  const me = useSignedInUser();
  return (
    <>
      <PageHeading caption={me.organisation?.name}>My projects</PageHeading>
      <p className="nhsuk-lede-text">
        Projects ask the pool for specialist analyst time. A project and its requests stay drafts, seen only by your
        organisation and the ICS workforce lead, until you submit a request.
      </p>
      <p>
        <Link className="nhsuk-button" to="/projects/new">
          Create a project
        </Link>
      </p>
      <Projects mine />
    </>
  );
}
