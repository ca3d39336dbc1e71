// The forecast domain of the modeling core.
export {};
