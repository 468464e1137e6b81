import { skillEligibility, type DevelopmentGap, type EligibilityKind } from '../../matching/eligibility.ts';

// The engine's eligibility rule is the one skill rule; this maps database rows onto the fields it reads.

export interface SkilledAnalyst {
  id: string;
  organisationId: string;
  skills: { skillId: string; level: number }[];
  aspirations: { skillId: string; targetLevel: number }[];
}

export interface SkillRequiringRequest {
  id: string;
  projectId: string;
  openToDevelopment: boolean;
  project: { organisationId: string };
  /** Must-have skills only. */
  skills: { skillId: string; minLevel: number; skill: { name: string } }[];
}

/** A must-have skill of the request against the analyst's level (0 when not held). */
export interface SkillRequirementCheck {
  skillId: string;
  skillName: string;
  minLevel: number;
  analystLevel: number;
  met: boolean;
}

export interface SkillVerdict {
  /** STANDARD when every must-have skill is met, DEVELOPMENT under the development rule, null otherwise. */
  kind: EligibilityKind | null;
  development: DevelopmentGap | null;
  requirements: SkillRequirementCheck[];
  /** The must-have skills the analyst falls short of, as a person reads them. */
  unmet: string[];
}

export function skillVerdict(analyst: SkilledAnalyst, request: SkillRequiringRequest): SkillVerdict {
  const eligibility = skillEligibility(
    {
      id: analyst.id,
      organisationId: analyst.organisationId,
      capacity: [],
      skills: analyst.skills.map(({ skillId, level }) => ({ skillId, level })),
      aspirations: analyst.aspirations.map(({ skillId, targetLevel }) => ({ skillId, level: targetLevel })),
      interestRequestIds: [],
      currentProjectIds: [],
      currentOrganisationIds: [],
      bookedRequestCount: [],
    },
    {
      id: request.id,
      organisationId: request.project.organisationId,
      projectId: request.projectId,
      required: request.skills.map(({ skillId, minLevel }) => ({ skillId, level: minLevel })),
      desired: [],
      fte: 0,
      startWeek: 0,
      endWeek: 0,
      priority: 'MEDIUM',
      openToDevelopment: request.openToDevelopment,
      submittedAt: '',
    },
  );
  const requirements = request.skills.map((requirement) => {
    const analystLevel = analyst.skills.find((skill) => skill.skillId === requirement.skillId)?.level ?? 0;
    return { skillId: requirement.skillId, skillName: requirement.skill.name, minLevel: requirement.minLevel, analystLevel, met: analystLevel >= requirement.minLevel };
  });
  const unmet = requirements
    .filter((requirement) => !requirement.met)
    .map((requirement) => `${requirement.skillName} at level ${requirement.minLevel} (has ${requirement.analystLevel})`);
  return { kind: eligibility?.kind ?? null, development: eligibility?.development ?? null, requirements, unmet };
}

/** Problems with the kind chosen for a placement, given the verdict; empty when the skills allow it. */
export function kindProblems(verdict: SkillVerdict, kind: string): string[] {
  if (verdict.kind === null) return verdict.unmet;
  if (verdict.kind === 'DEVELOPMENT' && kind !== 'DEVELOPMENT') {
    return ['one level short on a must-have skill, so only as a development placement'];
  }
  return [];
}
