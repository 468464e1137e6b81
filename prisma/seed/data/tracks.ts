import type { AgendaForChangeBand } from '../../../api/src/generated/prisma/enums.ts';
import type { OrganisationKey } from './organisations.ts';
import type { RoleProfileName } from './role-profiles.ts';
import type { SkillName } from './skills.ts';

/** The bands analysts hold in the demo, junior to senior. */
export const ANALYST_BANDS = ['BAND_5', 'BAND_6', 'BAND_7', 'BAND_8A', 'BAND_8B'] as const satisfies readonly AgendaForChangeBand[];
export type AnalystBand = (typeof ANALYST_BANDS)[number];

/** A kind of analytical work: the skills it builds and the job titles it uses at each band. */
export interface TrackSeed {
  readonly core: readonly SkillName[];
  readonly secondary: readonly SkillName[];
  readonly titles: Readonly<Record<AnalystBand, string>>;
  /** Where an analyst on this track usually heads next, by band; the pathway ends before band 8b. */
  readonly nextRole: Partial<Record<AnalystBand, RoleProfileName>>;
}

const EARLY_CAREER_PATH = { BAND_5: 'Analyst, band 6', BAND_6: 'Senior analyst, band 7' } as const;
const ANALYST_PATH = { ...EARLY_CAREER_PATH, BAND_7: 'Principal analyst, band 8a' } as const;
const POPULATION_HEALTH_PATH = { ...ANALYST_PATH, BAND_6: 'Population health analyst, band 7' } as const;
const DATA_SCIENCE_PATH = { ...EARLY_CAREER_PATH, BAND_7: 'Data scientist, band 8a', BAND_8A: 'Lead data scientist, band 8b' } as const;

export const TRACKS = {
  performance: {
    core: ['SQL', 'Power BI', 'Forecasting', 'Statistical modelling'],
    secondary: ['Demand and capacity modelling', 'Dashboard design', 'R', 'Data storytelling', 'Evaluation methods'],
    titles: { BAND_5: 'Information analyst', BAND_6: 'Performance analyst', BAND_7: 'Senior performance analyst', BAND_8A: 'Principal analyst', BAND_8B: 'Head of performance analytics' },
    nextRole: ANALYST_PATH,
  },
  businessIntelligence: {
    core: ['SQL', 'Power BI', 'Dashboard design', 'Data warehousing'],
    secondary: ['Data pipelines (ETL)', 'Data storytelling', 'Python', 'Data quality and linkage'],
    titles: { BAND_5: 'BI developer', BAND_6: 'BI developer', BAND_7: 'Senior BI developer', BAND_8A: 'BI development lead', BAND_8B: 'Head of business intelligence' },
    nextRole: ANALYST_PATH,
  },
  dataScience: {
    core: ['Python', 'Machine learning', 'Statistical modelling', 'SQL'],
    secondary: ['Natural language processing', 'Model validation and MLOps', 'Survival analysis', 'R', 'Forecasting'],
    titles: { BAND_5: 'Junior data scientist', BAND_6: 'Data scientist', BAND_7: 'Senior data scientist', BAND_8A: 'Principal data scientist', BAND_8B: 'Lead data scientist' },
    nextRole: DATA_SCIENCE_PATH,
  },
  dataEngineering: {
    core: ['SQL', 'Data pipelines (ETL)', 'Data warehousing', 'Python'],
    secondary: ['Data quality and linkage', 'Pseudonymisation and de-identification', 'Model validation and MLOps'],
    titles: { BAND_5: 'Data engineer', BAND_6: 'Data engineer', BAND_7: 'Senior data engineer', BAND_8A: 'Lead data engineer', BAND_8B: 'Head of data engineering' },
    nextRole: DATA_SCIENCE_PATH,
  },
  healthEconomics: {
    core: ['Health economic evaluation', 'Cost-effectiveness modelling', 'R'],
    secondary: ['Budget impact analysis', 'Survival analysis', 'Statistical modelling', 'Evaluation methods'],
    titles: { BAND_5: 'Assistant health economist', BAND_6: 'Health economist', BAND_7: 'Senior health economist', BAND_8A: 'Principal health economist', BAND_8B: 'Lead health economist' },
    nextRole: { ...EARLY_CAREER_PATH, BAND_7: 'Health economist, band 8a' },
  },
  populationHealth: {
    core: ['Population health segmentation', 'Risk stratification', 'SQL', 'Health inequalities analysis'],
    secondary: ['R', 'GIS mapping', 'Statistical modelling', 'Power BI', 'Data quality and linkage'],
    titles: { BAND_5: 'Population health analyst', BAND_6: 'Population health analyst', BAND_7: 'Senior population health analyst', BAND_8A: 'Population health intelligence lead', BAND_8B: 'Head of population health analytics' },
    nextRole: POPULATION_HEALTH_PATH,
  },
  operationalResearch: {
    core: ['Discrete-event simulation', 'Demand and capacity modelling', 'Python'],
    secondary: ['System dynamics', 'Forecasting', 'R', 'SQL'],
    titles: { BAND_5: 'Operational research analyst', BAND_6: 'Modelling analyst', BAND_7: 'Senior modelling analyst', BAND_8A: 'Principal operational researcher', BAND_8B: 'Head of modelling' },
    nextRole: DATA_SCIENCE_PATH,
  },
  publicHealthIntelligence: {
    core: ['Health inequalities analysis', 'R', 'GIS mapping'],
    secondary: ['Geospatial analysis', 'Dashboard design', 'Evaluation methods', 'SQL', 'Data storytelling'],
    titles: { BAND_5: 'Public health intelligence officer', BAND_6: 'Public health analyst', BAND_7: 'Senior public health analyst', BAND_8A: 'Public health intelligence manager', BAND_8B: 'Head of public health intelligence' },
    nextRole: POPULATION_HEALTH_PATH,
  },
  geospatial: {
    core: ['Geospatial analysis', 'GIS mapping', 'Travel-time and access modelling'],
    secondary: ['Python', 'SQL', 'Data storytelling', 'Demand and capacity modelling'],
    titles: { BAND_5: 'GIS analyst', BAND_6: 'GIS analyst', BAND_7: 'Senior geospatial analyst', BAND_8A: 'Principal geospatial analyst', BAND_8B: 'Head of geospatial analytics' },
    nextRole: ANALYST_PATH,
  },
} as const satisfies Record<string, TrackSeed>;

export type TrackName = keyof typeof TRACKS;

/** Skills any analyst may hold alongside their track's. */
export const CROSS_CUTTING_SKILLS = [
  'Stakeholder engagement',
  'Change management',
  'Information governance and DPIA',
  'Data protection (UK GDPR)',
  'Benefits realisation',
] as const satisfies readonly SkillName[];

/** The kinds of analyst each partner employs, with relative weights. */
export const ORGANISATION_TRACKS: Record<OrganisationKey, readonly (readonly [TrackName, number])[]> = {
  icb: [['populationHealth', 3], ['healthEconomics', 2], ['performance', 2], ['dataScience', 1]],
  acute: [['performance', 4], ['businessIntelligence', 3], ['dataScience', 2], ['dataEngineering', 2], ['operationalResearch', 1], ['healthEconomics', 0.5]],
  mentalHealth: [['performance', 4], ['businessIntelligence', 2], ['dataScience', 1], ['populationHealth', 1], ['dataEngineering', 1]],
  community: [['performance', 3], ['businessIntelligence', 2], ['operationalResearch', 1]],
  ambulance: [['operationalResearch', 3], ['performance', 2], ['geospatial', 2], ['businessIntelligence', 1]],
  gpFederation: [['performance', 2], ['populationHealth', 2]],
  pcn: [['populationHealth', 1]],
  county: [['publicHealthIntelligence', 3], ['performance', 1], ['businessIntelligence', 1], ['geospatial', 1]],
  city: [['publicHealthIntelligence', 3], ['performance', 1], ['businessIntelligence', 1]],
  socialCare: [['performance', 1]],
  hospice: [['performance', 1]],
  carers: [['performance', 1]],
  wellbeing: [['performance', 1]],
};
