export * from './fiscal';
export * from './cells';
