/**
 * Custom functions of the comp domain (SALESOPS namespace): thin wrappers over src/comp/.
 */
export {};
