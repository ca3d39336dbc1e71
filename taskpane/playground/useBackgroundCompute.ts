/**
 * Computes a deferred engine's formulas (see `FormulaEngine.attachDeferred`) in slices of about 30 ms between
 * frames, so the grid paints first and stays responsive; returns the progress for the status bar. A single long
 * formula (the sample's 3,000-account TERRITORY) still takes its own time in one slice.
 */
import * as React from 'react';
import type { MemoryWorkbook } from '../workbook/memory';
import type { FormulaEngine } from './engine';

/** Milliseconds of computing per slice. */
export const SLICE_MS = 30;

export interface ComputeProgress {
  /** Formulas in the workbook. */
  total: number;
  /** Formulas not computed yet. */
  pending: number;
  /** Bumped after each slice (redraws the grid). */
  tick: number;
}

/** Runs `engine`'s pending formulas in the background; re-renders after each slice. */
export function useBackgroundCompute(engine: FormulaEngine, workbook: MemoryWorkbook): ComputeProgress {
  const [progress, setProgress] = React.useState<ComputeProgress & { engine: FormulaEngine }>(() => ({
    engine,
    total: engine.formulaCount(),
    pending: engine.pendingCount(),
    tick: 0,
  }));
  React.useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const total = engine.formulaCount();
    const step = () => {
      if (stopped) return;
      const pending = engine.computeSome(SLICE_MS);
      setProgress((p) => ({ engine, total, pending, tick: p.tick + 1 }));
      if (pending > 0) timer = setTimeout(step, 0);
      else (globalThis as { salesOpsComputedAt?: number }).salesOpsComputedAt = performance.now();
    };
    // Let the first frame paint before the first slice.
    const raf = requestAnimationFrame(() => (timer = setTimeout(step, 0)));
    return () => {
      stopped = true;
      cancelAnimationFrame(raf);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [engine, workbook]);
  // A new engine (an opened file) until its first slice: its own counts, not the last engine's.
  if (progress.engine !== engine)
    return { total: engine.formulaCount(), pending: engine.pendingCount(), tick: progress.tick };
  return { total: progress.total, pending: progress.pending, tick: progress.tick };
}
