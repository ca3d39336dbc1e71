/** Test helpers for the quota tests: Excel serials from ISO dates (computed independently of src/shared/dates). */

/** The Excel 1900 serial of an ISO date after 1900-03-01: days since 1899-12-30. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
