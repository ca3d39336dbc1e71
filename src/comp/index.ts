// The comp domain of the modeling core.
export {};
