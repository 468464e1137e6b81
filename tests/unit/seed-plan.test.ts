import { describe, expect, it } from 'vitest';
import { buildDemoPlan } from '../../prisma/seed/plan.ts';
import { ROLE_PROFILES } from '../../prisma/seed/data/role-profiles.ts';

const TODAY = new Date('2026-11-23T09:00:00Z');
const plan = buildDemoPlan(TODAY);
const requests = plan.projects.flatMap((project) => project.requests);
const WEEK_MS = 7 * 24 * 3_600_000;

describe('demo ICS plan', () => {
  it('is the same plan for the same day', () => {
    expect(buildDemoPlan(new Date(TODAY))).toEqual(plan);
  });

  it('moves its weeks with the day it is built on', () => {
    const later = buildDemoPlan(new Date(TODAY.getTime() + 4 * WEEK_MS));
    expect(later.projects[0]?.requests[0]?.startWeek.getTime()).toBe((plan.projects[0]?.requests[0]?.startWeek.getTime() ?? 0) + 4 * WEEK_MS);
    expect(later.analysts.map((analyst) => analyst.email)).toEqual(plan.analysts.map((analyst) => analyst.email));
  });

  it('gives every analyst 3–8 skills at levels 1–4 and 1–3 aspirations above their current level', () => {
    for (const analyst of plan.analysts) {
      expect(analyst.skills.length).toBeGreaterThanOrEqual(3);
      expect(analyst.skills.length).toBeLessThanOrEqual(8);
      expect(new Set(analyst.skills.map((held) => held.skill)).size).toBe(analyst.skills.length);
      for (const { level } of analyst.skills) expect([1, 2, 3, 4]).toContain(level);
      expect(analyst.aspirations.length).toBeGreaterThanOrEqual(1);
      expect(analyst.aspirations.length).toBeLessThanOrEqual(3);
      for (const aspiration of analyst.aspirations) {
        const current = analyst.skills.find((held) => held.skill === aspiration.skill)?.level ?? 0;
        expect(aspiration.targetLevel).toBeGreaterThan(current);
      }
    }
  });

  it('gives most analysts a target role, with skill levels rising with band', () => {
    expect(plan.analysts.filter((analyst) => analyst.targetRole).length / plan.analysts.length).toBeGreaterThan(0.6);
    const meanLevel = (band: string) => {
      const levels = plan.analysts.filter((analyst) => analyst.band === band).flatMap((analyst) => analyst.skills.map((held) => held.level));
      return levels.reduce((sum, level) => sum + level, 0) / levels.length;
    };
    expect(meanLevel('BAND_5')).toBeLessThan(meanLevel('BAND_7'));
    expect(meanLevel('BAND_7')).toBeLessThan(meanLevel('BAND_8B'));
  });

  it('keeps role profile requirements between levels 1 and 4', () => {
    for (const profile of ROLE_PROFILES) {
      for (const level of Object.values(profile.requirements)) expect([1, 2, 3, 4]).toContain(level);
    }
  });

  it('puts some analysts on leave or reduced time without overlapping spells', () => {
    const withAvailability = plan.analysts.filter((analyst) => analyst.availability.length > 0);
    expect(withAvailability.length).toBeGreaterThanOrEqual(5);
    expect(withAvailability.some((analyst) => analyst.availability.some((spell) => spell.availableFraction === 0.5))).toBe(true);
    for (const { availability } of withAvailability) {
      const sorted = [...availability].sort((a, b) => a.startWeek.getTime() - b.startWeek.getTime());
      sorted.forEach((spell, index) => {
        expect(spell.endWeek.getTime()).toBeGreaterThanOrEqual(spell.startWeek.getTime());
        const next = sorted[index + 1];
        if (next) expect(next.startWeek.getTime()).toBeGreaterThan(spell.endWeek.getTime());
      });
    }
  });

  it('asks for 1–3 must-have skills at level 2–4, up to 3 nice-to-haves, 0.2–1.0 FTE over 4–20 weeks', () => {
    for (const request of requests) {
      expect(request.required.length).toBeGreaterThanOrEqual(1);
      expect(request.required.length).toBeLessThanOrEqual(3);
      expect(request.desired.length).toBeLessThanOrEqual(3);
      for (const { minLevel } of request.required) expect([2, 3, 4]).toContain(minLevel);
      expect(request.fteTenths).toBeGreaterThanOrEqual(2);
      expect(request.fteTenths).toBeLessThanOrEqual(10);
      const weeks = (request.endWeek.getTime() - request.startWeek.getTime()) / WEEK_MS + 1;
      expect(weeks).toBeGreaterThanOrEqual(4);
      expect(weeks).toBeLessThanOrEqual(20);
    }
  });

  it('opens about 30 % of requests to development and keeps a few as drafts', () => {
    const open = requests.filter((request) => request.openToDevelopment).length / requests.length;
    expect(open).toBeGreaterThan(0.2);
    expect(open).toBeLessThan(0.45);
    const drafts = requests.filter((request) => request.status === 'DRAFT').length;
    expect(drafts).toBeGreaterThan(0);
    expect(drafts / requests.length).toBeLessThan(0.2);
    expect(plan.projects.filter((project) => project.status === 'DRAFT').length).toBe(2);
  });

  it('records interest only in submitted requests of other partners, once per analyst and request', () => {
    expect(plan.interests.length).toBeGreaterThanOrEqual(20);
    const keys = plan.interests.map((interest) => `${interest.analystEmail}|${interest.requestTitle}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const interest of plan.interests) {
      const analyst = plan.analysts.find((candidate) => candidate.email === interest.analystEmail);
      const project = plan.projects.find((candidate) => candidate.title === interest.projectTitle);
      const request = project?.requests.find((candidate) => candidate.title === interest.requestTitle);
      expect(request?.status).toBe('SUBMITTED');
      expect(project?.organisation).not.toBe(analyst?.organisation);
    }
  });
});
