// The territory domain of the modeling core.
export {};
