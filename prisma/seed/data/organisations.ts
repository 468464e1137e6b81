import type { OrganisationKind, SizeBand } from '../../../api/src/generated/prisma/enums.ts';

export interface OrganisationSeed {
  readonly key: string;
  readonly name: string;
  readonly odsCode: string;
  readonly kind: OrganisationKind;
  readonly sizeBand: SizeBand;
  readonly headcount: number;
  /** Analysts' emails are firstname.lastname@<domain>.example. */
  readonly domain: string;
  readonly analystCount: number;
}

/** The partners of the fictional North Dales ICS; the big trusts employ most analysts, as in real life. */
export const ORGANISATIONS = [
  { key: 'icb', name: 'NHS North Dales Integrated Care Board', odsCode: 'QND', kind: 'ICB', sizeBand: 'MEDIUM', headcount: 640, domain: 'northdales-icb', analystCount: 12 },
  { key: 'acute', name: 'North Dales Teaching Hospitals NHS Foundation Trust', odsCode: 'RND', kind: 'ACUTE_TRUST', sizeBand: 'LARGE', headcount: 9_200, domain: 'ndth', analystCount: 44 },
  { key: 'mentalHealth', name: 'Dales and Moorland Partnership NHS Foundation Trust', odsCode: 'RNM', kind: 'MENTAL_HEALTH_TRUST', sizeBand: 'LARGE', headcount: 4_300, domain: 'dalesmoorland', analystCount: 28 },
  { key: 'community', name: 'North Dales Community Health NHS Trust', odsCode: 'RNC', kind: 'COMMUNITY_TRUST', sizeBand: 'MEDIUM', headcount: 2_600, domain: 'ndch', analystCount: 12 },
  { key: 'ambulance', name: 'Northern Fells Ambulance Service NHS Trust', odsCode: 'RNF', kind: 'AMBULANCE_TRUST', sizeBand: 'LARGE', headcount: 4_800, domain: 'nfas', analystCount: 9 },
  { key: 'gpFederation', name: 'Dales Primary Care Federation', odsCode: 'Y06281', kind: 'PRIMARY_CARE', sizeBand: 'MEDIUM', headcount: 420, domain: 'dalespcf', analystCount: 4 },
  { key: 'pcn', name: 'Ashburn Central Primary Care Network', odsCode: 'U83712', kind: 'PRIMARY_CARE', sizeBand: 'SMALL', headcount: 180, domain: 'ashburncentralpcn', analystCount: 1 },
  { key: 'county', name: 'North Dales County Council', odsCode: 'E10000931', kind: 'LOCAL_AUTHORITY', sizeBand: 'LARGE', headcount: 7_600, domain: 'northdales-cc', analystCount: 8 },
  { key: 'city', name: 'Ashburn City Council', odsCode: 'E06000947', kind: 'LOCAL_AUTHORITY', sizeBand: 'LARGE', headcount: 3_900, domain: 'ashburn-city', analystCount: 6 },
  { key: 'socialCare', name: 'Riverside Care Group', odsCode: 'VNC14', kind: 'SOCIAL_CARE', sizeBand: 'MEDIUM', headcount: 1_100, domain: 'riversidecare', analystCount: 1 },
  { key: 'hospice', name: "St Aidan's Hospice", odsCode: 'NQ7H3', kind: 'HOSPICE', sizeBand: 'SMALL', headcount: 250, domain: 'staidans-hospice', analystCount: 1 },
  { key: 'carers', name: 'Dales Carers Network', odsCode: 'NR2K8', kind: 'VCSE', sizeBand: 'SMALL', headcount: 60, domain: 'dalescarers', analystCount: 0 },
  { key: 'wellbeing', name: 'Fellside Community Wellbeing Trust', odsCode: 'NR4F1', kind: 'VCSE', sizeBand: 'SMALL', headcount: 140, domain: 'fellside-wellbeing', analystCount: 1 },
] as const satisfies readonly OrganisationSeed[];

export type DemoOrganisation = (typeof ORGANISATIONS)[number];
export type OrganisationKey = DemoOrganisation['key'];

export function organisationByKey(key: OrganisationKey): DemoOrganisation {
  const organisation = ORGANISATIONS.find((candidate) => candidate.key === key);
  if (!organisation) throw new Error(`Unknown demo organisation ${key}`);
  return organisation;
}
