import type { SkillCategory } from '../../../api/src/generated/prisma/enums.ts';

export interface SkillSeed {
  readonly name: string;
  readonly category: SkillCategory;
  readonly description: string;
}

export const SKILLS = [
  { name: 'SQL', category: 'DATA_ENGINEERING', description: 'Querying, joining and shaping data in relational databases such as SQL Server and PostgreSQL.' },
  { name: 'Python', category: 'DATA_ENGINEERING', description: 'Writing tested, reproducible Python for analysis, automation and modelling.' },
  { name: 'Data pipelines (ETL)', category: 'DATA_ENGINEERING', description: 'Building scheduled, monitored pipelines that extract, transform and load data.' },
  { name: 'Data warehousing', category: 'DATA_ENGINEERING', description: 'Designing dimensional models and warehouses that serve reporting at scale.' },
  { name: 'Data quality and linkage', category: 'DATA_ENGINEERING', description: 'Assessing completeness and validity, and linking records across datasets.' },
  { name: 'R', category: 'STATISTICS', description: 'Statistical analysis and reproducible reporting in R and the tidyverse.' },
  { name: 'Statistical modelling', category: 'STATISTICS', description: 'Regression and multilevel models, with honest uncertainty.' },
  { name: 'Forecasting', category: 'STATISTICS', description: 'Time-series forecasting of demand and activity, with prediction intervals.' },
  { name: 'Survival analysis', category: 'STATISTICS', description: 'Time-to-event models such as Kaplan-Meier and Cox regression.' },
  { name: 'Evaluation methods', category: 'STATISTICS', description: 'Designing service evaluations, including quasi-experimental comparisons.' },
  { name: 'Machine learning', category: 'MACHINE_LEARNING', description: 'Training, tuning and validating predictive models on health and care data.' },
  { name: 'Natural language processing', category: 'MACHINE_LEARNING', description: 'Extracting structured information from clinical and free-text records.' },
  { name: 'Model validation and MLOps', category: 'MACHINE_LEARNING', description: 'Monitoring deployed models for drift, bias and safety.' },
  { name: 'Power BI', category: 'VISUALISATION', description: 'Building Power BI reports, data models and DAX measures.' },
  { name: 'Dashboard design', category: 'VISUALISATION', description: 'Designing accessible dashboards that answer the questions users actually ask.' },
  { name: 'Data storytelling', category: 'VISUALISATION', description: 'Turning analysis into clear narratives and charts for boards and the public.' },
  { name: 'Health economic evaluation', category: 'HEALTH_ECONOMICS', description: 'Assessing the costs and consequences of health and care interventions.' },
  { name: 'Cost-effectiveness modelling', category: 'HEALTH_ECONOMICS', description: 'Decision-analytic and Markov models producing cost per QALY.' },
  { name: 'Budget impact analysis', category: 'HEALTH_ECONOMICS', description: 'Estimating the affordability of a change for commissioners and providers.' },
  { name: 'Population health segmentation', category: 'POPULATION_HEALTH_MANAGEMENT', description: 'Grouping a population by need, such as the Bridges to Health segments.' },
  { name: 'Risk stratification', category: 'POPULATION_HEALTH_MANAGEMENT', description: 'Identifying people at rising risk for proactive, anticipatory care.' },
  { name: 'Health inequalities analysis', category: 'POPULATION_HEALTH_MANAGEMENT', description: 'Measuring gaps in access, experience and outcomes, including Core20PLUS5.' },
  { name: 'Geospatial analysis', category: 'GEOSPATIAL', description: 'Spatial statistics and analysis of small-area data.' },
  { name: 'GIS mapping', category: 'GEOSPATIAL', description: 'Producing accurate, readable maps in QGIS or ArcGIS.' },
  { name: 'Travel-time and access modelling', category: 'GEOSPATIAL', description: 'Modelling journey times and catchments to sites and services.' },
  { name: 'Information governance and DPIA', category: 'INFORMATION_GOVERNANCE', description: 'Writing data protection impact assessments and data sharing agreements.' },
  { name: 'Data protection (UK GDPR)', category: 'INFORMATION_GOVERNANCE', description: 'Applying UK GDPR, the common law duty of confidentiality and the national data opt-out.' },
  { name: 'Pseudonymisation and de-identification', category: 'INFORMATION_GOVERNANCE', description: 'Reducing re-identification risk before data is shared or linked.' },
  { name: 'Change management', category: 'CHANGE_MANAGEMENT', description: 'Helping teams adopt new tools and ways of working that analysis recommends.' },
  { name: 'Stakeholder engagement', category: 'CHANGE_MANAGEMENT', description: 'Working with clinicians, managers and the public to shape and land analysis.' },
  { name: 'Benefits realisation', category: 'CHANGE_MANAGEMENT', description: 'Defining, tracking and reporting the benefits a programme delivers.' },
  { name: 'Discrete-event simulation', category: 'OPERATIONAL_RESEARCH', description: 'Simulating patient flow and queues to test changes before making them.' },
  { name: 'Demand and capacity modelling', category: 'OPERATIONAL_RESEARCH', description: 'Queueing and capacity models that size services to meet demand.' },
  { name: 'System dynamics', category: 'OPERATIONAL_RESEARCH', description: 'Stock-and-flow models of whole systems over years.' },
] as const satisfies readonly SkillSeed[];

export type SkillName = (typeof SKILLS)[number]['name'];

/** The DDaT capability framework's four levels. */
export const SKILL_LEVEL_NAMES = ['Awareness', 'Working', 'Practitioner', 'Expert'] as const;

export type SkillLevel = 1 | 2 | 3 | 4;
