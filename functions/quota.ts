/**
 * Custom functions of the quota domain (SALESOPS namespace): thin wrappers over src/quota/.
 */
export {};
