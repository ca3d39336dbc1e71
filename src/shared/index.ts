export * from './cells';
export * from './aligned';
export * from './coerce';
export * from './dates';
export * from './errors';
export * from './money';
export * from './names';
export * from './table';
