export * from './pacing';
export * from './cells';
export * from './attainment';
