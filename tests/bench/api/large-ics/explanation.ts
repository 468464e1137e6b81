import type { PlannedAllocation } from './plan-allocations.ts';
import type { IcsPlan } from './plan.ts';

/**
 * The explanation a matching run stores on a proposal (services/matching/stored-explanation.ts), made up from the
 * plan: skill fit per must-have skill, the rank among eligible analysts and the organisation's fairness outcome.
 */
export function explainer(plan: IcsPlan, id: (kind: string, key: string) => string) {
  const analysts = new Map(plan.analysts.map((analyst) => [analyst.key, analyst]));
  const requests = new Map(plan.requests.map((request) => [request.key, request]));
  const projects = new Map(plan.projects.map((project) => [project.key, project]));
  const organisations = new Map(plan.organisations.map((organisation) => [organisation.key, organisation]));
  return (allocation: PlannedAllocation) => {
    const request = requests.get(allocation.requestKey)!;
    const analyst = analysts.get(allocation.analystKey)!;
    const organisation = organisations.get(projects.get(request.projectKey)!.organisationKey)!;
    return {
      summary: `${analyst.name} ranked ${allocation.rank} of ${allocation.candidateCount} eligible analysts for “${request.title}”.`,
      skills: request.required.map((skill) => {
        const held = analyst.skills.find((candidate) => candidate.skillKey === skill.skillKey)?.level ?? 0;
        return {
          skillId: id('skill', skill.skillKey), skillName: plan.skills.find((candidate) => candidate.key === skill.skillKey)!.name, kind: 'REQUIRED',
          wantedLevel: skill.minLevel, analystLevel: held, fit: held > skill.minLevel ? 'ABOVE' : held === skill.minLevel ? 'MEETS' : 'ONE_BELOW',
        };
      }),
      score: Math.round((1 / allocation.rank) * 1000) / 1000,
      rank: allocation.rank,
      candidateCount: allocation.candidateCount,
      nextCandidate: null,
      fairness: {
        organisationId: id('organisation', organisation.key), organisationName: organisation.name, weight: 0.05, entitlement: 40, claim: 30, received: 30,
        bound: 'DEMAND_MET', text: `${organisation.name} received all it asked for.`,
      },
      development: null,
      mentees: [],
      interest: false,
      continuity: null,
    };
  };
}
