import { planAnalysts, type PlannedAnalyst } from './plan-analysts.ts';
import { planInterests, planUsers, type PlannedInterest, type PlannedUser } from './plan-people.ts';
import { planProjects, type PlannedProject } from './plan-projects.ts';
import { createRandom } from './random.ts';
import { planningWindow } from './weeks.ts';

/** The demo ICS as plain data, before any ids exist: the same `today` always gives the same plan. */
export interface DemoPlan {
  readonly analysts: readonly PlannedAnalyst[];
  readonly projects: readonly PlannedProject[];
  readonly interests: readonly PlannedInterest[];
  readonly users: readonly PlannedUser[];
}

const DEMO_RANDOM_SEED = 0x4e_44_49_43; // "NDIC"

export function buildDemoPlan(today: Date): DemoPlan {
  const window = planningWindow(today);
  const random = createRandom(DEMO_RANDOM_SEED);
  const analysts = planAnalysts(random, window);
  const projects = planProjects(random, window);
  return {
    analysts,
    projects,
    interests: planInterests(random, analysts, projects),
    users: planUsers(analysts),
  };
}
