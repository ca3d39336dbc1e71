/**
 * Names typed by users (measures, stages, components) match ignoring case and every space: "New logos",
 * "new  logos" and "newlogos" are one name. Where names must be unique, two that match are an error naming both.
 */

/** The key a name matches by: lower case, every whitespace character (including non-breaking spaces) removed. */
export function nameKey(name: string): string {
  // Most names hold no space and only ASCII: lower-casing is then the whole key, without a regex.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c <= 32 || c >= 127) return name.replace(/\s+/g, '').toLowerCase();
  }
  return name.toLowerCase();
}

/** " (as "Other" too; names match ignoring case and spaces)" when `other` is spelled differently from `name`. */
export function sameNameHint(name: string, other: string): string {
  return name.trim() === other.trim() ? '' : ` (as "${other.trim()}" too; names match ignoring case and spaces)`;
}
