import type { FunctionSample } from '../harness';

export const samples: FunctionSample[] = [
  { id: 'VERSION', what: 'the add-in version', args: [], expect: '0.1.0' },
  // 2.675 rounds half away from zero to 2.68 (Excel's ROUND), although the double 2.675 is 2.67499999…
  { id: 'ROUNDMONEY', what: 'half away from zero', args: [2.675, null], expect: 2.68 },
  { id: 'ROUNDMONEY', what: 'negative half', args: [-1.005, null], expect: -1.01 },
  {
    id: 'ROUNDMONEY',
    what: 'bad amount',
    args: ['ten', null],
    expect: { error: '#VALUE!', messageIncludes: 'amount' },
  },
];
