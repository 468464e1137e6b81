import type { OrganisationKind, SkillCategory } from '../../../../api/src/generated/prisma/enums.ts';

// Names for the engine generator's keys, so the generated ICS reads like a real one.

/** Engine skill keys as the people of an ICS name them. */
export const SKILL_NAMES: Record<string, { name: string; category: SkillCategory }> = {
  sql: { name: 'SQL', category: 'DATA_ENGINEERING' },
  dashboards: { name: 'Dashboards', category: 'VISUALISATION' },
  'excel-modelling': { name: 'Excel modelling', category: 'OPERATIONAL_RESEARCH' },
  statistics: { name: 'Statistical modelling', category: 'STATISTICS' },
  python: { name: 'Python', category: 'DATA_ENGINEERING' },
  r: { name: 'R', category: 'STATISTICS' },
  'data-engineering': { name: 'Data pipelines (ETL)', category: 'DATA_ENGINEERING' },
  'population-health': { name: 'Population health management', category: 'POPULATION_HEALTH_MANAGEMENT' },
  forecasting: { name: 'Forecasting', category: 'STATISTICS' },
  'machine-learning': { name: 'Machine learning', category: 'MACHINE_LEARNING' },
  'information-governance': { name: 'Information governance', category: 'INFORMATION_GOVERNANCE' },
  geospatial: { name: 'Geospatial analysis', category: 'GEOSPATIAL' },
  'health-economics': { name: 'Health economics', category: 'HEALTH_ECONOMICS' },
  'survey-design': { name: 'Survey design', category: 'STATISTICS' },
  nlp: { name: 'Natural language processing', category: 'MACHINE_LEARNING' },
  'change-management': { name: 'Change management', category: 'CHANGE_MANAGEMENT' },
  'causal-inference': { name: 'Causal inference', category: 'STATISTICS' },
};

export const ORGANISATION_KINDS: Record<string, OrganisationKind> = {
  'acute-trust': 'ACUTE_TRUST',
  icb: 'ICB',
  'mental-health-trust': 'MENTAL_HEALTH_TRUST',
  'community-trust': 'COMMUNITY_TRUST',
  'primary-care': 'PRIMARY_CARE',
  'local-authority': 'LOCAL_AUTHORITY',
  hospice: 'HOSPICE',
  vcse: 'VCSE',
  'ambulance-trust': 'AMBULANCE_TRUST',
  'social-care': 'SOCIAL_CARE',
};

export const KIND_LABELS: Record<OrganisationKind, string> = {
  ICB: 'Integrated Care Board', ACUTE_TRUST: 'Hospitals NHS Foundation Trust', MENTAL_HEALTH_TRUST: 'Mental Health NHS Trust',
  COMMUNITY_TRUST: 'Community Health NHS Trust', AMBULANCE_TRUST: 'Ambulance Service NHS Trust', PRIMARY_CARE: 'Primary Care Network',
  LOCAL_AUTHORITY: 'Council', SOCIAL_CARE: 'Care Partnership', HOSPICE: 'Hospice', VCSE: 'Community Voluntary Services',
};

export const PROJECT_TOPICS = [
  'Urgent care demand review', 'Elective recovery dashboard', 'Frailty risk stratification', 'Discharge flow analysis',
  'Mental health access audit', 'Health inequalities profile', 'Workforce planning model', 'Cancer pathway timeliness',
  'Care home admissions study', 'Virtual wards evaluation', 'Population segmentation', 'Winter pressures forecast',
];

export const TOWNS = ['Ashburn', 'Brackley', 'Calder', 'Dunmoor', 'Eastwick', 'Fellside', 'Garth', 'Holmbury', 'Irton', 'Kelby', 'Langdale', 'Marston'];
