/**
 * The Fluent theme that matches Office's: light, dark, or high contrast. Office.js tells the add-in its body
 * background colour (`Office.context.officeTheme`); high contrast is the browser's forced-colors mode.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The part of `Office.context.officeTheme` this module reads. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance (0 = black, 1 = white) of a "#rrggbb" or "#rgb" colour; `undefined` if unreadable. */
export function luminance(color: string): number | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Picks the Fluent theme for Office's theme: high contrast when forced colors are on, dark on a dark body. */
export function themeFor(office: OfficeThemeLike | undefined, forcedColors: boolean): Theme {
  if (forcedColors) return teamsHighContrastTheme;
  if (office?.isDarkTheme === true) return webDarkTheme;
  const l = office?.bodyBackgroundColor ? luminance(office.bodyBackgroundColor) : undefined;
  return l !== undefined && l < 0.2 ? webDarkTheme : webLightTheme;
}

/** Office's current theme, when the page runs inside Office (undefined in a plain browser or in tests). */
export function officeTheme(): OfficeThemeLike | undefined {
  try {
    if (typeof Office === 'undefined') return undefined;
    return (Office.context as { officeTheme?: OfficeThemeLike } | undefined)?.officeTheme;
  } catch {
    return undefined;
  }
}

/** True when the browser runs in forced-colors (Windows high contrast) mode. */
export function forcedColorsActive(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(forced-colors: active)').matches
    : false;
}

/** The theme to use now. */
export function currentTheme(): Theme {
  return themeFor(officeTheme(), forcedColorsActive());
}
