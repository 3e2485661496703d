import type { Decorator, Preview } from '@storybook/react-vite';
import { useLayoutEffect, type ReactNode } from 'react';
import '../src/styles/connection-kit.css';

type Theme = 'light' | 'dark';

/**
 * Puts the story in the chosen theme. In story view the attribute also goes on <html>, because
 * the Select listbox renders in a portal on <body>, outside the story's wrapper, and must be
 * themed as well (the same thing a host does when it themes its whole page).
 */
function ThemeFrame({ theme, page, children }: { theme: Theme; page: boolean; children: ReactNode }) {
  useLayoutEffect(() => {
    if (!page) return;
    const root = document.documentElement;
    root.dataset.theme = theme;
    return () => {
      delete root.dataset.theme;
    };
  }, [theme, page]);
  return (
    <div
      data-theme={theme}
      style={{
        background: theme === 'dark' ? '#0b1120' : '#ffffff',
        padding: '1rem',
        minHeight: page ? '100vh' : undefined,
        boxSizing: 'border-box',
      }}
    >
      {children}
    </div>
  );
}

const withTheme: Decorator = (Story, { globals, viewMode }) => (
  <ThemeFrame theme={globals.theme === 'dark' ? 'dark' : 'light'} page={viewMode === 'story'}>
    <Story />
  </ThemeFrame>
);

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme of the connection form',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    // Every story is an accessibility test: an axe violation fails it (security note 23).
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
