import type { OrganisationKey } from './organisations.ts';
import type { RoleProfileName } from './role-profiles.ts';
import type { SkillLevel, SkillName } from './skills.ts';
import type { AnalystBand } from './tracks.ts';

interface FeaturedAnalystSeed {
  readonly firstName: string;
  readonly lastName: string;
  readonly organisation: OrganisationKey;
  readonly jobTitle: string;
  readonly band: AnalystBand;
  readonly contractedTenths: number;
  readonly pooledTenths: number;
  readonly targetRole: RoleProfileName;
  readonly skills: readonly (readonly [SkillName, SkillLevel])[];
  readonly aspirations: readonly (readonly [SkillName, SkillLevel])[];
}

/**
 * The analyst behind the demo's analyst login, fixed by hand so the story is stable: Sam wants to become a
 * senior analyst and is one level short in forecasting, which several requests are open to develop.
 */
export const FEATURED_ANALYST: FeaturedAnalystSeed = {
  firstName: 'Sam',
  lastName: 'Carter',
  organisation: 'community',
  jobTitle: 'Performance analyst',
  band: 'BAND_6',
  contractedTenths: 10,
  pooledTenths: 4,
  targetRole: 'Senior analyst, band 7',
  skills: [
    ['SQL', 3],
    ['Power BI', 3],
    ['Forecasting', 2],
    ['Statistical modelling', 2],
    ['R', 2],
    ['Stakeholder engagement', 2],
  ],
  aspirations: [
    ['Forecasting', 3],
    ['Python', 2],
  ],
};
