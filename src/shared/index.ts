export * from './cells';
export * from './coerce';
export * from './dates';
export * from './errors';
export * from './limits';
export * from './money';
export * from './table';
