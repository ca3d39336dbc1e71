/**
 * Sales Ops Modeler — the modeling core. Pure TypeScript: no Office, DOM or React. Usable from Node and the browser.
 */
export * from './shared';
