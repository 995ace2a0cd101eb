/**
 * The Fluent 2 web components the pane uses, and its theme: Fluent's light or dark tokens,
 * after the Office theme the officer chose (File > Account > Office Theme).
 */
import '@fluentui/web-components/accordion.js';
import '@fluentui/web-components/accordion-item.js';
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/message-bar.js';
import '@fluentui/web-components/progress-bar.js';
import { setTheme } from '@fluentui/web-components';
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';

export interface OfficeThemeLike {
  readonly bodyBackgroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/** Relative luminance of "#rrggbb" (0 black … 1 white); undefined for anything else. */
function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = parseInt(x as string, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Whether Office's theme is dark: its own flag where the host gives one, else its background. */
export function isDark(theme: OfficeThemeLike | undefined): boolean {
  if (typeof theme?.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const l = luminance(theme?.bodyBackgroundColor);
  return l !== undefined && l < 0.2;
}

export function applyTheme(theme: OfficeThemeLike | undefined): void {
  const dark = isDark(theme);
  setTheme(dark ? webDarkTheme : webLightTheme);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}
