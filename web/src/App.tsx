import { Route, Routes } from 'react-router';
import { Layout } from './layout/Layout.tsx';
import { DirectoryPage } from './pages/analysts/DirectoryPage.tsx';
import { ProfilePage } from './pages/analysts/ProfilePage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage.tsx';
import { ProjectPage } from './pages/projects/ProjectPage.tsx';
import { ProjectsPage } from './pages/projects/ProjectsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { sections } from './sections.ts';
import { ClientProvider } from './session/ClientProvider.tsx';
import { RequireSignIn } from './session/RequireSignIn.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';

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
          <Route path="projects" element={<ProjectsPage />} />
          <Route path="projects/:id" element={<ProjectPage />} />
        </Route>
        <Route element={<RequireSignIn section={sections.organisations} />}>
          <Route path="organisations" element={<OrganisationsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
