export * from './values';
export * from './route';
export * from './sheet/route';
