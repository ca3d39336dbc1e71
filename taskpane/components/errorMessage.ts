/** The text to show for a caught error (a `ModelInputError`'s message names the input and the fix). */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
