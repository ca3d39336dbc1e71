export * from './fiscal';
export * from './sheet/fiscal';
