// The matching engine's contract: plain data in, proposals and metrics out. No database types here.
//
// Units: FTE is counted in integer tenths ("Tenths": 3 = 0.3 FTE, half a day a week per tenth), weeks are
// integer indexes into the planning window (0 = its first Monday), and volumes are FTE-weeks (floats).

export type Tenths = number;

export type AllocationKind = 'STANDARD' | 'DEVELOPMENT' | 'MENTOR';
export type RequestPriority = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface SkillLevel {
  skillId: string;
  /** 1 Awareness, 2 Working, 3 Practitioner, 4 Expert. */
  level: number;
}

export interface AnalystInput {
  id: string;
  /** Display name for explanations; the id is used when absent. */
  name?: string;
  organisationId: string;
  /**
   * Allocatable time left in each week of the window (pooled FTE × availability, minus protected
   * development time, minus allocations that already hold capacity). Length = `weekCount`.
   */
  capacity: Tenths[];
  skills: SkillLevel[];
  /** Target levels the analyst wants to grow to. */
  aspirations: SkillLevel[];
  /** Requests the analyst has expressed interest in. */
  interestRequestIds: string[];
  /** Projects and organisations the analyst already works for (continuity). */
  currentProjectIds: string[];
  currentOrganisationIds: string[];
  /** Requests the analyst is already booked on in each week (for the concurrency cap). Length = `weekCount`. */
  bookedRequestCount: number[];
}

export interface RequestInput {
  id: string;
  /** Display title for explanations; the id is used when absent. */
  title?: string;
  organisationId: string;
  projectId: string;
  /** Must-have skills with their minimum level. */
  required: SkillLevel[];
  /** Nice-to-have skills with a desired level. */
  desired: SkillLevel[];
  /** FTE still to fill, per week, over every week from `startWeek` to `endWeek`. */
  fte: Tenths;
  /** First and last week (inclusive), already clipped to the window. */
  startWeek: number;
  endWeek: number;
  priority: RequestPriority;
  openToDevelopment: boolean;
  /** ISO timestamp; the first-come-first-served baseline serves requests in this order. */
  submittedAt: string;
}

export interface OrganisationInput {
  id: string;
  name: string;
  /** Pooled FTE-weeks this organisation's own analysts give in the window (reciprocity). */
  contribution: number;
  /** Need for pooled help: higher for organisations with little analytical capacity of their own. */
  need: number;
  /** FTE-weeks of credit carried over from closed periods (given more than received). */
  credit: number;
}

export interface MatchingPolicy {
  /** Weights of equal share, reciprocity and need; alpha + beta + gamma = 1. */
  alpha: number;
  beta: number;
  gamma: number;
  /** Most requests an analyst works on in any one week. */
  maxConcurrentRequests: number;
  /** Largest share of a request's FTE that development placements may cover (DESIGN: 0.5). */
  developmentShareCap: number;
  /** When false, an analyst's pooled time serves only other organisations' requests. */
  homeRequestsDrawOnPool: boolean;
}

export interface MatchingInput {
  weekCount: number;
  analysts: AnalystInput[];
  requests: RequestInput[];
  organisations: OrganisationInput[];
  policy: MatchingPolicy;
  /** Skill names by skill id, for explanations; ids are used for skills not listed. */
  skillNames?: Record<string, string>;
}

/** What ranking analysts against requests reads: no organisations, so it may be given just the pairs of interest. */
export type RankingInput = Pick<MatchingInput, 'analysts' | 'requests' | 'policy'>;

export type SkillFit = 'ABOVE' | 'MEETS' | 'ONE_BELOW' | 'BELOW' | 'MISSING';

export interface SkillFitExplanation {
  skillId: string;
  kind: 'REQUIRED' | 'DESIRED';
  wantedLevel: number;
  /** The analyst's level; 0 when they do not hold the skill. */
  analystLevel: number;
  fit: SkillFit;
}

export interface FairnessExplanation {
  organisationId: string;
  weight: number;
  /** FTE-weeks: fair share of the pool, demand, and what the organisation received in this run. */
  entitlement: number;
  claim: number;
  received: number;
  /** What stopped the organisation getting more. */
  bound: 'DEMAND_MET' | 'FAIR_SHARE' | 'SKILL_BOTTLENECK';
  text: string;
}

export interface Explanation {
  /** One or two sentences a person can read. */
  summary: string;
  skills: SkillFitExplanation[];
  /** Match quality score used to rank candidates (higher is better). */
  score: number;
  /** 1-based rank of this analyst among eligible candidates for the request, and how many there were. */
  rank: number;
  candidateCount: number;
  /** The next-best candidate and why they were not chosen instead; null when there was none. */
  nextCandidate: { analystId: string; score: number; reason: string } | null;
  fairness: FairnessExplanation;
  development: {
    skillId: string;
    analystLevel: number;
    targetLevel: number;
    mentorAnalystId: string;
    text: string;
  } | null;
  /** For a mentor: the analyst they mentor on this request. */
  mentees: string[];
  interest: boolean;
  continuity: 'PROJECT' | 'ORGANISATION' | null;
}

export interface Proposal {
  analystId: string;
  requestId: string;
  fte: Tenths;
  startWeek: number;
  endWeek: number;
  kind: AllocationKind;
  /** For a DEVELOPMENT placement: the analyst mentoring it on the same request. */
  mentorAnalystId: string | null;
  explanation: Explanation;
}

export interface OrganisationOutcome {
  organisationId: string;
  weight: number;
  /** FTE-weeks. */
  entitlement: number;
  claim: number;
  received: number;
  /** min(1, received / min(claim, entitlement)); 1 when the organisation has no claim. */
  satisfaction: number;
}

export interface RunMetrics {
  requestedFteWeeks: number;
  matchedFteWeeks: number;
  /** matched / requested FTE-weeks. */
  fulfilment: number;
  minSatisfaction: number;
  /** Jain's fairness index over organisations' satisfaction (1 = perfectly even). */
  jain: number;
  /** Gini coefficient of satisfaction (0 = perfectly even). */
  gini: number;
  /** Mean skill fit of placed FTE-weeks, 0..1. */
  meanSkillFit: number;
  developmentPlacements: number;
  /** Analysts booked above capacity in some week; must be 0. */
  overCapacity: number;
  /** Placements that miss a must-have skill outside the development rule; must be 0. */
  skillViolations: number;
  solveMs: number;
}

export interface SolverStats {
  lpSolves: number;
  mipSolves: number;
  variables: number;
  constraints: number;
  stages: { name: string; ms: number }[];
  totalMs: number;
}

export interface MatchingResult {
  proposals: Proposal[];
  organisations: OrganisationOutcome[];
  metrics: RunMetrics;
  solver: SolverStats;
}

/** The engine's answer and the first-come-first-served baseline's, for the same input. */
export interface MatchingComparison {
  engine: MatchingResult;
  baseline: MatchingResult;
}
