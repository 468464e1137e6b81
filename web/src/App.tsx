import { Route, Routes } from 'react-router';
import { Layout } from './layout/Layout.tsx';
import { AllocationPage } from './pages/allocations/AllocationPage.tsx';
import { AllocationsPage } from './pages/allocations/AllocationsPage.tsx';
import { EditProposalPage } from './pages/allocations/EditProposalPage.tsx';
import { ProposePage } from './pages/allocations/ProposePage.tsx';
import { TimelinePage } from './pages/allocations/TimelinePage.tsx';
import { DataPage } from './pages/data/DataPage.tsx';
import { DirectoryPage } from './pages/analysts/DirectoryPage.tsx';
import { AuditLogPage } from './pages/audit/AuditLogPage.tsx';
import { ProfileViewsPage } from './pages/audit/ProfileViewsPage.tsx';
import { ProfilePage } from './pages/analysts/ProfilePage.tsx';
import { CancelLeavingPage } from './pages/analysts/CancelLeavingPage.tsx';
import { RecordLeavingPage } from './pages/analysts/RecordLeavingPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { CapacityPage } from './pages/insight/CapacityPage.tsx';
import { FairnessPage } from './pages/insight/FairnessPage.tsx';
import { InsightIndex, InsightLayout } from './pages/insight/InsightLayout.tsx';
import { insightPages } from './pages/insight/insightPages.ts';
import { UtilisationPage } from './pages/insight/UtilisationPage.tsx';
import { CareerPage } from './pages/career/CareerPage.tsx';
import { MyProfilePage } from './pages/my-profile/MyProfilePage.tsx';
import { MyProfileViewsPage } from './pages/my-profile/MyProfileViewsPage.tsx';
import { OpportunitiesPage } from './pages/opportunities/OpportunitiesPage.tsx';
import { OpportunityPage } from './pages/opportunities/OpportunityPage.tsx';
import { MatchingPage } from './pages/matching/MatchingPage.tsx';
import { RunPage } from './pages/matching/RunPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage.tsx';
import { MyProjectsPage } from './pages/projects/MyProjectsPage.tsx';
import { EditProjectPage, NewProjectPage } from './pages/projects/ProjectFormPage.tsx';
import { ProjectPage } from './pages/projects/ProjectPage.tsx';
import { EditRequestPage, NewRequestPage } from './pages/projects/RequestFormPage.tsx';
import { RequestPage } from './pages/projects/RequestPage.tsx';
import { ProjectsPage } from './pages/projects/ProjectsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage.tsx';
import { ChangeAccessPage } from './pages/users/ChangeAccessPage.tsx';
import { NewUserPage } from './pages/users/NewUserPage.tsx';
import { ResetPasswordPage } from './pages/users/ResetPasswordPage.tsx';
import { UserPage } from './pages/users/UserPage.tsx';
import { UsersPage } from './pages/users/UsersPage.tsx';
import { CHANGE_PASSWORD_PATH, sections } from './sections.ts';
import { ClientProvider } from './session/ClientProvider.tsx';
import { RequireSignIn } from './session/RequireSignIn.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';

// The proposals board's timeline and proposal forms are the workforce lead's alone.
const workforceLeadAllocations = { ...sections.allocations, roles: ['WORKFORCE_LEAD'] as const };

export function App() {
  return (
    <ClientProvider>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </ClientProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route element={<RequireSignIn />}>
          <Route index element={<HomePage />} />
          <Route path="analysts" element={<DirectoryPage />} />
          <Route path="analysts/:id" element={<ProfilePage />} />
          <Route path="analysts/:id/leaving" element={<RecordLeavingPage />} />
          <Route path="analysts/:id/leaving/cancel" element={<CancelLeavingPage />} />
          <Route path="projects" element={<ProjectsPage />} />
          <Route path="projects/:id" element={<ProjectPage />} />
          <Route path="requests/:id" element={<RequestPage />} />
          <Route path={CHANGE_PASSWORD_PATH.slice(1)} element={<ChangePasswordPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.myProjects} />}>
          <Route path="my-projects" element={<MyProjectsPage />} />
          <Route path="projects/new" element={<NewProjectPage />} />
          <Route path="projects/:id/edit" element={<EditProjectPage />} />
          <Route path="projects/:id/requests/new" element={<NewRequestPage />} />
          <Route path="requests/:id/edit" element={<EditRequestPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.allocations} />}>
          <Route path="allocations" element={<AllocationsPage />} />
          <Route path="allocations/:id" element={<AllocationPage />} />
        </Route>
        <Route element={<RequireSignIn section={workforceLeadAllocations} />}>
          <Route path="allocations/timeline" element={<TimelinePage />} />
          <Route path="allocations/new" element={<ProposePage />} />
          <Route path="allocations/:id/edit" element={<EditProposalPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.data} />}>
          <Route path="data" element={<DataPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.audit} />}>
          <Route path="audit" element={<AuditLogPage />} />
          <Route path="audit/profile-views" element={<ProfileViewsPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.users} />}>
          <Route path="users" element={<UsersPage />} />
          <Route path="users/new" element={<NewUserPage />} />
          <Route path="users/:id" element={<UserPage />} />
          <Route path="users/:id/access" element={<ChangeAccessPage />} />
          <Route path="users/:id/password" element={<ResetPasswordPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.organisations} />}>
          <Route path="organisations" element={<OrganisationsPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.matching} />}>
          <Route path="matching" element={<MatchingPage />} />
          <Route path="matching/runs/:id" element={<RunPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.myProfile} />}>
          <Route path="my-profile" element={<MyProfilePage />} />
          <Route path="my-profile/views" element={<MyProfileViewsPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.opportunities} />}>
          <Route path="opportunities" element={<OpportunitiesPage />} />
          <Route path="opportunities/:requestId" element={<OpportunityPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.career} />}>
          <Route path="career" element={<CareerPage />} />
        </Route>
        <Route path="insight" element={<RequireSignIn section={sections.insight} />}>
          <Route element={<InsightLayout />}>
            <Route index element={<InsightIndex />} />
            <Route element={<RequireSignIn section={insightPages.capacity} />}>
              <Route path="capacity" element={<CapacityPage />} />
            </Route>
            <Route element={<RequireSignIn section={insightPages.fairness} />}>
              <Route path="fairness" element={<FairnessPage />} />
            </Route>
            <Route element={<RequireSignIn section={insightPages.utilisation} />}>
              <Route path="utilisation" element={<UtilisationPage />} />
            </Route>
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
