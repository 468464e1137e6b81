import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { AgendaForChangeBand } from '../../generated/prisma/enums.ts';
import { canManageAnalyst } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { findOpportunities, type Opportunity } from './opportunities.ts';

export interface SkillGap {
  skillId: string;
  skillName: string;
  requiredLevel: number;
  /** 0 when the analyst does not hold the skill. */
  currentLevel: number;
  evidencedLevel: number | null;
  /** Levels still to grow; 0 when met. */
  gap: number;
}

export interface SkillHistoryEntry {
  id: string;
  skillId: string;
  skillName: string;
  fromLevel: number | null;
  toLevel: number;
  evidencedAt: Date;
  evidencedByName: string | null;
  requestTitle: string | null;
  rating: number | null;
  comment: string | null;
}

export interface CareerPath {
  analystId: string;
  analystName: string;
  targetRole: { id: string; name: string; band: AgendaForChangeBand } | null;
  gaps: SkillGap[];
  /** Share of the target role's requirements met, 0..1 (1 with no target role requirements). */
  readiness: number;
  /** Opportunities that use a skill with a gap, best first. */
  closingOpportunities: Opportunity[];
  history: SkillHistoryEntry[];
}

/**
 * The gap from an analyst's skills to their target role, the opportunities that would close it and the
 * evidenced progress so far. Personal: the analyst, their home organisation's lead and workforce leads.
 */
export async function careerPathOf(prisma: PrismaClient, viewer: Viewer, analystId: string, today: Date): Promise<CareerPath> {
  const analyst = await prisma.analyst.findFirst({
    where: { id: analystId, icsId: viewer.icsId },
    select: {
      id: true,
      name: true,
      organisationId: true,
      skills: { select: { skillId: true, level: true, evidencedLevel: true } },
      targetRole: {
        select: { id: true, name: true, band: true, requirements: { select: { level: true, skill: { select: { id: true, name: true } } } } },
      },
      skillEvidence: {
        orderBy: [{ evidencedAt: 'desc' }, { id: 'asc' }],
        select: {
          id: true,
          fromLevel: true,
          toLevel: true,
          evidencedAt: true,
          skill: { select: { id: true, name: true } },
          evidencedBy: { select: { name: true } },
          feedback: { select: { rating: true, comment: true, allocation: { select: { request: { select: { title: true } } } } } },
        },
      },
    },
  });
  if (!analyst) throw new NotFoundError('Analyst');
  if (!canManageAnalyst(viewer, analyst)) throw new ForbiddenError('A career path is visible to the analyst, their organisation lead and workforce leads.');

  const held = new Map(analyst.skills.map((skill) => [skill.skillId, skill]));
  const gaps = (analyst.targetRole?.requirements ?? [])
    .map(({ level, skill }): SkillGap => {
      const current = held.get(skill.id);
      const currentLevel = current?.level ?? 0;
      return {
        skillId: skill.id,
        skillName: skill.name,
        requiredLevel: level,
        currentLevel,
        evidencedLevel: current?.evidencedLevel ?? null,
        gap: Math.max(0, level - currentLevel),
      };
    })
    .sort((a, b) => b.gap - a.gap || a.skillName.localeCompare(b.skillName));
  const gapSkills = new Set(gaps.filter((gap) => gap.gap > 0).map((gap) => gap.skillId));
  const opportunities = gapSkills.size > 0 ? await findOpportunities(prisma, { icsId: viewer.icsId, analystId }, today) : [];

  return {
    analystId: analyst.id,
    analystName: analyst.name,
    targetRole: analyst.targetRole ? { id: analyst.targetRole.id, name: analyst.targetRole.name, band: analyst.targetRole.band } : null,
    gaps,
    readiness: gaps.length === 0 ? 1 : gaps.filter((gap) => gap.gap === 0).length / gaps.length,
    closingOpportunities: opportunities.filter((opportunity) => opportunity.skills.some((skill) => gapSkills.has(skill.skillId))),
    history: analyst.skillEvidence.map((entry) => ({
      id: entry.id,
      skillId: entry.skill.id,
      skillName: entry.skill.name,
      fromLevel: entry.fromLevel,
      toLevel: entry.toLevel,
      evidencedAt: entry.evidencedAt,
      evidencedByName: entry.evidencedBy?.name ?? null,
      requestTitle: entry.feedback?.allocation.request.title ?? null,
      rating: entry.feedback?.rating ?? null,
      comment: entry.feedback?.comment ?? null,
    })),
  };
}
