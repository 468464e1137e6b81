const STEP_TIMEOUT_MS = 30_000;

/** Rejects when `work` takes longer than `ms`, so no step of the benchmark can hang it. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Clean-up steps in the reverse order of set-up. Running it twice (on a signal, then in `finally`)
 * runs every step once; a failing step is reported and does not stop the ones after it.
 */
export class Teardown {
  private readonly steps: { what: string; run: () => unknown }[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly log: (message: string) => void) {}

  add(what: string, run: () => unknown): void {
    this.steps.push({ what, run });
  }

  run(): Promise<void> {
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await withTimeout(Promise.resolve().then(step.run), STEP_TIMEOUT_MS, step.what);
      } catch (error) {
        this.log(`Clean-up step failed (${step.what}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
