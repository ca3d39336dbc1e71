/**
 * Sales Ops Modeler — the modeling core. Pure TypeScript: no Office, DOM or React. Usable from Node and the browser.
 * Shared building blocks are exported flat; each domain is a namespace (`comp`, `quota`, `territory`, `forecast`).
 */
export * from './shared';
export { VERSION } from './version';
export * as comp from './comp';
export * as quota from './quota';
export * as territory from './territory';
export * as forecast from './forecast';
export * as share from './share';
export * as credit from './credit';
