/**
 * Custom functions of the territory domain (SALESOPS namespace): thin wrappers over src/territory/.
 */
export {};
