export * from './values';
export * from './route';
export * from './cells';
