import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { PrismaClient } from '../../../api/src/db/client.ts';
import { startApp, type RunningApp } from './app-server.ts';
import { launchBrowser } from './browser.ts';

/** Bounded waits: long enough for a cold first render on a busy machine, short enough to fail clearly. */
export const WAIT_MS = 15_000;

export interface Journey {
  readonly prisma: PrismaClient;
  /** A fresh page in a fresh browser context (no cookies) for every test. */
  readonly page: Page;
}

/**
 * Registers the hooks of a journey test file: the app and the browser start once per file, every test
 * gets its own signed-out browser context, and everything is closed after the file.
 */
export function useJourney(): Journey {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let cspViolations: string[] = [];

  beforeAll(async () => {
    // One after the other, so that whatever did start is closed by afterAll when the other fails.
    browser = await launchBrowser();
    app = await startApp();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  beforeEach(async () => {
    // Wide enough that the header shows every navigation link rather than folding some into "More".
    context = await browser!.newContext({ baseURL: app!.baseUrl, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(WAIT_MS);
    context.setDefaultNavigationTimeout(WAIT_MS);
    page = await context.newPage();
    cspViolations = [];
    // Chromium reports every resource or script the content security policy blocked on the console.
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
    expect(cspViolations, 'the browser reported content security policy violations').toEqual([]);
  });

  return {
    get prisma() {
      return started(app).prisma;
    },
    get page() {
      return started(page);
    },
  };
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The journey has not started: use it inside a test or a hook.');
  return value;
}
