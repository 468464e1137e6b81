import type { Viewer } from '../../auth/session.ts';
import { ForbiddenError } from '../../errors.ts';

/** The signed-in user's analyst id, or FORBIDDEN: opportunities, a career path and a calendar feed are an analyst's own. */
export function analystIdOf(viewer: Viewer): string {
  if (!viewer.analystId) throw new ForbiddenError('Only analysts have opportunities, a career path and a calendar feed of their own.');
  return viewer.analystId;
}
