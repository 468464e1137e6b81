import type { AgendaForChangeBand } from '../../../api/src/generated/prisma/enums.ts';
import type { SkillLevel, SkillName } from './skills.ts';

export interface RoleProfileSeed {
  readonly name: string;
  readonly band: AgendaForChangeBand;
  readonly description: string;
  readonly requirements: Readonly<Partial<Record<SkillName, SkillLevel>>>;
}

/** The ICS's analytical career pathway. */
export const ROLE_PROFILES = [
  {
    name: 'Analyst, band 5',
    band: 'BAND_5',
    description: 'Produces routine reports and extracts with guidance.',
    requirements: { SQL: 2, 'Power BI': 1, 'Statistical modelling': 1, 'Stakeholder engagement': 1, 'Data protection (UK GDPR)': 1 },
  },
  {
    name: 'Analyst, band 6',
    band: 'BAND_6',
    description: 'Owns analyses end to end and builds reports others rely on.',
    requirements: { SQL: 3, 'Power BI': 2, 'Dashboard design': 2, 'Statistical modelling': 2, Forecasting: 2, 'Stakeholder engagement': 2, 'Data protection (UK GDPR)': 2 },
  },
  {
    name: 'Senior analyst, band 7',
    band: 'BAND_7',
    description: 'Leads analytical work for a service and guides junior analysts.',
    requirements: { SQL: 3, Python: 2, 'Statistical modelling': 3, Forecasting: 3, 'Dashboard design': 3, 'Stakeholder engagement': 3, 'Information governance and DPIA': 2 },
  },
  {
    name: 'Population health analyst, band 7',
    band: 'BAND_7',
    description: 'Leads segmentation, risk stratification and inequalities work for neighbourhoods.',
    requirements: { 'Population health segmentation': 3, 'Risk stratification': 3, 'Health inequalities analysis': 3, SQL: 3, R: 2, 'GIS mapping': 2 },
  },
  {
    name: 'Principal analyst, band 8a',
    band: 'BAND_8A',
    description: 'Sets analytical direction for a programme and presents to boards.',
    requirements: { SQL: 4, 'Statistical modelling': 3, Forecasting: 3, 'Demand and capacity modelling': 3, 'Data storytelling': 3, 'Stakeholder engagement': 4, 'Change management': 3 },
  },
  {
    name: 'Data scientist, band 8a',
    band: 'BAND_8A',
    description: 'Builds and validates predictive models that are safe to use in care.',
    requirements: { Python: 4, 'Machine learning': 3, 'Statistical modelling': 3, SQL: 3, 'Model validation and MLOps': 2, 'Information governance and DPIA': 2 },
  },
  {
    name: 'Health economist, band 8a',
    band: 'BAND_8A',
    description: 'Leads economic evaluations that inform commissioning decisions.',
    requirements: { 'Health economic evaluation': 4, 'Cost-effectiveness modelling': 4, 'Budget impact analysis': 3, R: 3, 'Survival analysis': 2, 'Stakeholder engagement': 3 },
  },
  {
    name: 'Lead data scientist, band 8b',
    band: 'BAND_8B',
    description: 'Leads a data science team and its work across the system.',
    requirements: { Python: 4, 'Machine learning': 4, 'Natural language processing': 3, 'Model validation and MLOps': 3, 'Stakeholder engagement': 3, 'Change management': 3 },
  },
] as const satisfies readonly RoleProfileSeed[];

export type RoleProfileName = (typeof ROLE_PROFILES)[number]['name'];
