/**
 * Custom functions of the forecast domain (SALESOPS namespace): thin wrappers over src/forecast/.
 */
export {};
