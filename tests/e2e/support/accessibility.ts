import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails listing every violation with the elements involved. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA_TAGS).analyze();
  if (violations.length === 0) return;
  const described = violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.map((selector) => (Array.isArray(selector) ? selector.join(' >>> ') : selector)).join(' '));
    return `- ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n    at ${targets.join('\n    at ')}`;
  });
  throw new Error(`axe found ${violations.length} WCAG 2.2 AA violation(s) on ${page.url()}:\n${described.join('\n')}`);
}
