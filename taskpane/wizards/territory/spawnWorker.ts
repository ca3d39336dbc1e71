/** Starts the territory solver's worker, or returns undefined where Workers are unavailable (jsdom, old hosts). */
export function spawnWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./worker.ts', import.meta.url));
  } catch {
    return undefined;
  }
}
