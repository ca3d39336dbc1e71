import type { FunctionSample } from '../harness';

export const samples: FunctionSample[] = [];
