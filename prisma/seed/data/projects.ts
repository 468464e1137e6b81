import type { OrganisationKey } from './organisations.ts';
import type { SkillName } from './skills.ts';

export interface RequestSeed {
  readonly title: string;
  /** Must-have skills with their minimum level. */
  readonly required: readonly (readonly [SkillName, 2 | 3 | 4])[];
  readonly desired?: readonly SkillName[];
  /** Fixed where the demo's story relies on it; otherwise drawn at random. */
  readonly openToDevelopment?: boolean;
}

export interface ProjectSeed {
  readonly organisation: OrganisationKey;
  readonly title: string;
  readonly purpose: string;
  readonly expectedBenefit: string;
  /** A project still being written up: it and its requests stay DRAFT. */
  readonly draft?: boolean;
  readonly requests: readonly RequestSeed[];
}

/** The demo's projects: the acute and mental health trusts ask for most of the pool's time. */
export const PROJECTS: readonly ProjectSeed[] = [
  {
    organisation: 'acute',
    title: 'Elective recovery waiting list model',
    purpose: 'Model the elective waiting list by specialty to plan clearance of long waiters.',
    expectedBenefit: 'No patient waiting over 65 weeks by the end of the year.',
    requests: [
      { title: 'Waiting list demand and capacity model', required: [['Demand and capacity modelling', 3], ['SQL', 2]], desired: ['Forecasting'] },
      { title: 'Clinical prioritisation dashboard', required: [['Power BI', 3], ['Dashboard design', 2]], desired: ['SQL'] },
      { title: 'Waiting list data validation', required: [['SQL', 3], ['Data quality and linkage', 2]] },
      { title: 'Theatre utilisation simulation', required: [['Discrete-event simulation', 3]], desired: ['Python'] },
    ],
  },
  {
    organisation: 'acute',
    title: 'Emergency department flow',
    purpose: 'Understand and improve flow through the emergency department and same day emergency care.',
    expectedBenefit: 'More patients seen within four hours; fewer corridor waits.',
    requests: [
      { title: 'ED attendance forecast', required: [['Forecasting', 3]], desired: ['R', 'Statistical modelling'], openToDevelopment: true },
      { title: 'ED patient flow simulation', required: [['Discrete-event simulation', 4]], desired: ['Python'] },
      { title: 'Same day emergency care demand model', required: [['Demand and capacity modelling', 3]] },
      { title: 'Front door streaming evaluation', required: [['Evaluation methods', 3]], desired: ['Stakeholder engagement'] },
    ],
  },
  {
    organisation: 'acute',
    title: 'Discharge delays analysis',
    purpose: 'Link hospital and social care data to find where discharges are delayed and why.',
    expectedBenefit: 'Fewer bed days lost to delayed discharge.',
    requests: [
      { title: 'Delayed discharge linked dataset', required: [['Data quality and linkage', 3], ['SQL', 3]], desired: ['Information governance and DPIA'] },
      { title: 'Length of stay survival model', required: [['Survival analysis', 3]], desired: ['R'] },
      { title: 'Discharge pathway benefits tracking', required: [['Benefits realisation', 2]], desired: ['Stakeholder engagement'] },
    ],
  },
  {
    organisation: 'acute',
    title: 'Cancer 62-day pathway analytics',
    purpose: 'Track cancer pathways against timed milestones and forecast diagnostic capacity.',
    expectedBenefit: 'Faster diagnosis standard met for 80 % of patients.',
    requests: [
      { title: 'Cancer pathway milestones dashboard', required: [['Power BI', 3]], desired: ['Dashboard design'] },
      { title: 'Diagnostic capacity forecast', required: [['Forecasting', 3], ['Demand and capacity modelling', 2]] },
      { title: 'Faster diagnosis breach prediction', required: [['Machine learning', 3], ['Python', 3]], desired: ['Model validation and MLOps'] },
    ],
  },
  {
    organisation: 'acute',
    title: 'Clinical text mining for comorbidity coding',
    purpose: 'Use discharge summaries to find comorbidities missed by clinical coding.',
    expectedBenefit: 'More complete coding and fairer case-mix adjusted outcomes.',
    requests: [
      { title: 'Discharge summary NLP pipeline', required: [['Natural language processing', 4], ['Python', 3]], desired: ['Information governance and DPIA'] },
      { title: 'Coding accuracy audit', required: [['SQL', 2], ['Statistical modelling', 2]] },
      { title: 'DPIA for clinical text processing', required: [['Information governance and DPIA', 3]], desired: ['Pseudonymisation and de-identification'] },
    ],
  },
  {
    organisation: 'acute',
    title: 'Trust data warehouse migration',
    purpose: 'Move the trust data warehouse to a cloud platform with automated pipelines.',
    expectedBenefit: 'Daily data refreshes instead of weekly, and fewer manual extracts.',
    requests: [
      { title: 'Warehouse data model redesign', required: [['Data warehousing', 3], ['SQL', 3]] },
      { title: 'Automated ETL pipelines', required: [['Data pipelines (ETL)', 3]], desired: ['Python'] },
      { title: 'Report migration to Power BI', required: [['Power BI', 2]], desired: ['Dashboard design'], openToDevelopment: true },
      { title: 'Cloud platform information governance review', required: [['Information governance and DPIA', 2], ['Data protection (UK GDPR)', 3]] },
    ],
  },
  {
    organisation: 'acute',
    title: 'Outpatient follow-up reduction',
    purpose: 'Reduce unnecessary outpatient follow-ups through patient-initiated follow-up and virtual clinics.',
    expectedBenefit: '25 % fewer follow-up appointments without worse outcomes.',
    requests: [
      { title: 'Patient-initiated follow-up uptake analysis', required: [['SQL', 2], ['Statistical modelling', 2]] },
      { title: 'Virtual clinic cost-effectiveness', required: [['Cost-effectiveness modelling', 3], ['Health economic evaluation', 3]] },
      { title: 'Outpatient transformation change support', required: [['Change management', 3], ['Stakeholder engagement', 2]] },
    ],
  },
  {
    organisation: 'acute',
    title: 'Deteriorating patient early warning',
    purpose: 'Validate and improve early warning of deterioration and sepsis on the wards.',
    expectedBenefit: 'Earlier escalation and fewer unplanned ICU admissions.',
    requests: [
      { title: 'Deterioration prediction model', required: [['Machine learning', 4], ['Python', 3]], desired: ['Survival analysis'] },
      { title: 'Model validation and bias audit', required: [['Statistical modelling', 3]], desired: ['Health inequalities analysis', 'Model validation and MLOps'] },
      { title: 'Sepsis alert evaluation', required: [['Evaluation methods', 3]], desired: ['R'] },
    ],
  },
  {
    organisation: 'acute',
    title: 'Nurse staffing demand model',
    purpose: 'Match nurse staffing to ward acuity and reduce reliance on agency staff.',
    expectedBenefit: 'Lower agency spend and safer staffing on every shift.',
    draft: true,
    requests: [
      { title: 'Ward acuity demand model', required: [['Demand and capacity modelling', 3], ['Forecasting', 2]] },
      { title: 'Bank and agency spend dashboard', required: [['Power BI', 2], ['Dashboard design', 2]] },
      { title: 'Safe staffing data pipeline', required: [['Data pipelines (ETL)', 2], ['SQL', 3]] },
    ],
  },
  {
    organisation: 'mentalHealth',
    title: 'Out of area placements reduction',
    purpose: 'Understand inpatient bed demand to bring people placed out of area back home.',
    expectedBenefit: 'No inappropriate out of area placements by year end.',
    requests: [
      { title: 'Inpatient bed demand model', required: [['Demand and capacity modelling', 3]], desired: ['Discrete-event simulation'] },
      { title: 'Out of area placement cost analysis', required: [['Health economic evaluation', 2], ['SQL', 2]] },
      { title: 'Bed management dashboard', required: [['Power BI', 3]] },
      { title: 'Inpatient length of stay analysis', required: [['Survival analysis', 3]], desired: ['R'] },
    ],
  },
  {
    organisation: 'mentalHealth',
    title: 'Crisis pathway evaluation',
    purpose: 'Evaluate the crisis café, crisis line and home treatment as one pathway.',
    expectedBenefit: 'Fewer mental health attendances at the emergency department.',
    requests: [
      { title: 'Crisis café evaluation', required: [['Evaluation methods', 3]], desired: ['Stakeholder engagement'] },
      { title: 'Crisis line demand forecast', required: [['Forecasting', 3]], desired: ['R'], openToDevelopment: true },
      { title: 'Linked crisis contacts dataset', required: [['Data quality and linkage', 3], ['Information governance and DPIA', 2]] },
      { title: 'Crisis pathway simulation', required: [['Discrete-event simulation', 3]] },
    ],
  },
  {
    organisation: 'mentalHealth',
    title: 'Talking therapies recovery rates',
    purpose: 'Explain variation in recovery rates between talking therapies teams.',
    expectedBenefit: 'Recovery rate above 50 % in every team.',
    requests: [
      { title: 'Recovery rate variation model', required: [['Statistical modelling', 3], ['R', 3]] },
      { title: 'Talking therapies inequalities analysis', required: [['Health inequalities analysis', 3]], desired: ['GIS mapping'] },
      { title: 'Waiting time dashboard refresh', required: [['Dashboard design', 2], ['Power BI', 2]] },
      { title: 'Therapy outcome prediction', required: [['Machine learning', 3], ['Python', 2]] },
    ],
  },
  {
    organisation: 'mentalHealth',
    title: 'Physical health of people with serious mental illness',
    purpose: 'Find people with serious mental illness most at risk of missing physical health checks.',
    expectedBenefit: 'Physical health checks for 60 % of people on the SMI register.',
    requests: [
      { title: 'SMI physical health risk model', required: [['Risk stratification', 3], ['Python', 3]], desired: ['Machine learning'] },
      { title: 'Risk model DPIA', required: [['Information governance and DPIA', 3], ['Data protection (UK GDPR)', 2]] },
      { title: 'Clinician engagement for the risk tool', required: [['Stakeholder engagement', 3]], desired: ['Change management'] },
    ],
  },
  {
    organisation: 'mentalHealth',
    title: 'Community mental health transformation',
    purpose: 'Support the new integrated community mental health teams with data.',
    expectedBenefit: 'Shorter waits for community mental health care.',
    requests: [
      { title: 'Caseload segmentation', required: [['Population health segmentation', 3]], desired: ['SQL'] },
      { title: 'Referral triage text classification', required: [['Natural language processing', 3], ['Python', 3]] },
      { title: 'Transformation benefits framework', required: [['Benefits realisation', 3]] },
    ],
  },
  {
    organisation: 'icb',
    title: 'System-wide population health segmentation',
    purpose: 'Segment the whole North Dales population by need for neighbourhood health planning.',
    expectedBenefit: 'Every neighbourhood team plans from the same picture of need.',
    requests: [
      { title: 'Bridges to Health segmentation model', required: [['Population health segmentation', 4], ['SQL', 3]], desired: ['Data storytelling'] },
    ],
  },
  {
    organisation: 'icb',
    title: 'Frailty risk stratification',
    purpose: 'Identify people with rising frailty for proactive care in primary care networks.',
    expectedBenefit: 'Fewer emergency admissions of people living with frailty.',
    requests: [
      { title: 'Frailty risk model', required: [['Risk stratification', 3], ['Statistical modelling', 3]], desired: ['Machine learning'] },
      { title: 'Frailty service cost-effectiveness', required: [['Cost-effectiveness modelling', 3]], desired: ['Budget impact analysis'] },
    ],
  },
  {
    organisation: 'icb',
    title: 'Inequalities in access to elective care',
    purpose: 'Measure who waits longer and who travels further for planned care.',
    expectedBenefit: 'A targeted plan for Core20PLUS5 communities.',
    requests: [
      { title: 'Travel time to elective hubs', required: [['Travel-time and access modelling', 3], ['GIS mapping', 2]] },
      { title: 'Core20PLUS5 monitoring', required: [['Health inequalities analysis', 3]], desired: ['Power BI'] },
    ],
  },
  {
    organisation: 'community',
    title: 'Virtual wards capacity planning',
    purpose: 'Size virtual wards for winter and show what they save.',
    expectedBenefit: 'Virtual ward occupancy above 80 % and fewer admissions.',
    requests: [
      { title: 'Virtual ward occupancy forecast', required: [['Forecasting', 3]] },
      { title: 'Virtual ward economic evaluation', required: [['Health economic evaluation', 3]] },
    ],
  },
  {
    organisation: 'community',
    title: 'Falls prevention evaluation',
    purpose: 'Evaluate the community falls prevention service and where it reaches.',
    expectedBenefit: 'Evidence to extend the service to every locality.',
    requests: [
      { title: 'Falls service outcomes evaluation', required: [['Evaluation methods', 3], ['R', 2]] },
      { title: 'Falls hotspots mapping', required: [['GIS mapping', 3]] },
    ],
  },
  {
    organisation: 'ambulance',
    title: 'Hear and treat demand forecast',
    purpose: 'Forecast calls that can be closed by clinical advice without sending an ambulance.',
    expectedBenefit: 'Category 2 response times back to 30 minutes.',
    requests: [
      { title: 'Category 2 call demand forecast', required: [['Forecasting', 4]] },
      { title: 'Clinical hub rota simulation', required: [['Discrete-event simulation', 3]] },
    ],
  },
  {
    organisation: 'ambulance',
    title: 'Response time geography',
    purpose: 'Find where standby points would cut rural response times.',
    expectedBenefit: 'Fairer response times between rural and urban areas.',
    requests: [
      { title: 'Station catchment travel-time model', required: [['Travel-time and access modelling', 3], ['Geospatial analysis', 3]] },
      { title: 'Hospital handover delay dashboard', required: [['Power BI', 2]] },
    ],
  },
  {
    organisation: 'gpFederation',
    title: 'Enhanced access utilisation',
    purpose: 'Match evening and weekend appointments to demand across practices.',
    expectedBenefit: 'Fewer unused enhanced access appointments.',
    requests: [
      { title: 'Appointment demand model', required: [['Demand and capacity modelling', 2], ['SQL', 2]] },
      { title: 'Practice-level appointments dashboard', required: [['Power BI', 2]] },
    ],
  },
  {
    organisation: 'pcn',
    title: 'Proactive care for housebound patients',
    purpose: 'Find housebound patients who would benefit from a proactive care review.',
    expectedBenefit: 'Every housebound patient with frailty reviewed each year.',
    requests: [{ title: 'Housebound patient case finding', required: [['Risk stratification', 2], ['SQL', 2]] }],
  },
  {
    organisation: 'county',
    title: 'Adult social care demand forecast',
    purpose: 'Forecast demand for care home placements and home care.',
    expectedBenefit: 'A market position statement grounded in evidence.',
    requests: [{ title: 'Care home placement forecast', required: [['Forecasting', 3], ['R', 2]] }],
  },
  {
    organisation: 'county',
    title: 'Joint strategic needs assessment refresh',
    purpose: 'Refresh the JSNA with automated indicators and an inequalities atlas.',
    expectedBenefit: 'A JSNA that updates itself each quarter.',
    requests: [
      { title: 'JSNA indicators pipeline', required: [['Data pipelines (ETL)', 2]], desired: ['R'] },
      { title: 'Health inequalities atlas', required: [['Health inequalities analysis', 3], ['Geospatial analysis', 2]] },
    ],
  },
  {
    organisation: 'city',
    title: 'Housing and health data linkage',
    purpose: 'Link housing and hospital data to find people whose homes make them ill.',
    expectedBenefit: 'Targeted home improvements for people at highest risk.',
    requests: [
      { title: 'Housing and hospital admissions linkage', required: [['Data quality and linkage', 3], ['Information governance and DPIA', 3]] },
      { title: 'Cold homes risk model', required: [['Risk stratification', 3]], desired: ['GIS mapping'] },
    ],
  },
  {
    organisation: 'city',
    title: 'Healthy weight programme evaluation',
    purpose: 'Evaluate the family healthy weight programme.',
    expectedBenefit: 'A decision on recommissioning the programme.',
    draft: true,
    requests: [{ title: 'Healthy weight outcomes evaluation', required: [['Evaluation methods', 3]], desired: ['Statistical modelling'] }],
  },
  {
    organisation: 'socialCare',
    title: 'Care home hospital admissions reduction',
    purpose: 'Understand why residents are admitted to hospital and which admissions are avoidable.',
    expectedBenefit: 'Fewer avoidable admissions from our care homes.',
    requests: [
      { title: 'Care home admissions analysis', required: [['SQL', 2], ['Statistical modelling', 2]], openToDevelopment: true },
      { title: 'Falls sensor pilot evaluation', required: [['Evaluation methods', 2]] },
    ],
  },
  {
    organisation: 'hospice',
    title: 'Hospice at home demand forecast',
    purpose: 'Forecast demand for hospice at home care to plan the nursing team.',
    expectedBenefit: 'More people supported to die at home when that is their wish.',
    requests: [
      { title: 'Hospice at home demand forecast', required: [['Forecasting', 3]], desired: ['R'], openToDevelopment: true },
      { title: 'End of life care needs mapping', required: [['Population health segmentation', 2], ['GIS mapping', 2]] },
    ],
  },
  {
    organisation: 'carers',
    title: 'Unpaid carers needs assessment',
    purpose: 'Analyse the carers survey to show what unpaid carers need most.',
    expectedBenefit: 'Carers support commissioned around what carers say they need.',
    requests: [{ title: 'Carers survey analysis', required: [['Statistical modelling', 2]], desired: ['Data storytelling'], openToDevelopment: true }],
  },
  {
    organisation: 'wellbeing',
    title: 'Social prescribing impact evaluation',
    purpose: 'Evaluate whether social prescribing reduces GP and emergency department use.',
    expectedBenefit: 'Evidence to secure recurrent funding.',
    requests: [{ title: 'Social prescribing outcomes evaluation', required: [['Evaluation methods', 3]], desired: ['Health economic evaluation'] }],
  },
];
