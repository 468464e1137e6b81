import type { Role } from '../../api/src/generated/prisma/enums.ts';
import { FEATURED_ANALYST } from './data/featured-analyst.ts';
import { organisationByKey, type OrganisationKey } from './data/organisations.ts';

/** Every demo account, including the analysts' own, signs in with this password. */
export const DEMO_PASSWORD = 'analyst-pool-demo';

export interface DemoLogin {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly organisationKey: OrganisationKey;
  /** Name of the user's organisation. */
  readonly organisation: string;
  readonly description: string;
}

const SEEDS: readonly Omit<DemoLogin, 'organisation'>[] = [
  {
    email: 'workforce.lead@northdales.example',
    name: 'Wendy Hart',
    role: 'WORKFORCE_LEAD',
    organisationKey: 'icb',
    description: 'ICS workforce lead: maintains partners, skills and fairness policy, runs and confirms matching.',
  },
  {
    email: 'acute.lead@northdales.example',
    name: 'Daniel Okafor',
    role: 'ORGANISATION_LEAD',
    organisationKey: 'acute',
    description: 'Lead of the large acute trust: the biggest requester and the biggest contributor of analysts.',
  },
  {
    email: 'hospice.lead@northdales.example',
    name: 'Helen Marsh',
    role: 'ORGANISATION_LEAD',
    organisationKey: 'hospice',
    description: 'Lead of a small hospice with one analyst, which relies on the pool for specialist skills.',
  },
  {
    email: 'council.lead@northdales.example',
    name: 'Aisha Begum',
    role: 'ORGANISATION_LEAD',
    organisationKey: 'city',
    description: 'Lead of the city council, requesting public health and housing analysis.',
  },
  {
    email: 'analyst@northdales.example',
    name: `${FEATURED_ANALYST.firstName} ${FEATURED_ANALYST.lastName}`,
    role: 'ANALYST',
    organisationKey: FEATURED_ANALYST.organisation,
    description: 'A band 6 performance analyst at the community trust working towards senior analyst.',
  },
];

export const DEMO_LOGINS: readonly DemoLogin[] = SEEDS.map((login) => ({
  ...login,
  organisation: organisationByKey(login.organisationKey).name,
}));
