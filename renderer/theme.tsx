import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';

type Appearance = 'light' | 'dark';

// High contrast (Windows contrast themes, forced colors) needs no theme of ours: the system replaces the colours
// and Fluent's components carry their own forced-colors styles.
const queries: Array<[Appearance, string]> = [['dark', '(prefers-color-scheme: dark)']];

function current(): Appearance {
  return queries.find(([, query]) => window.matchMedia(query).matches)?.[0] ?? 'light';
}

const themes = { light: webLightTheme, dark: webDarkTheme };

/** Follows the operating system's light or dark setting, and its changes while the app is open. */
export function ThemeFromSystem({ children }: { children: ReactNode }) {
  const [appearance, setAppearance] = useState<Appearance>(current);
  useEffect(() => {
    const lists = queries.map(([, query]) => window.matchMedia(query));
    const update = () => setAppearance(current());
    for (const list of lists) list.addEventListener('change', update);
    return () => {
      for (const list of lists) list.removeEventListener('change', update);
    };
  }, []);
  return (
    <FluentProvider theme={themes[appearance]} data-appearance={appearance} style={{ height: '100%' }}>
      {children}
    </FluentProvider>
  );
}
