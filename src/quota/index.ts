// The quota domain of the modeling core.
export {};
