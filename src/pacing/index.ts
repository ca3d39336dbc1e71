export * from './pacing';
export * from './attainment';
export * from './sheet/pacing';
export * from './sheet/attainment';
