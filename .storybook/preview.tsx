/// <reference types="vite/client" />
import type { Decorator, Preview } from '@storybook/react-vite';
import { useLayoutEffect, type ReactNode } from 'react';
import kitStylesheetText from '../src/styles/connection-kit.css?inline';

type Theme = 'light' | 'dark';

/**
 * The kit's default stylesheet, as a host gets it with `import 'connection-kit/styles.css'`.
 * Injected here rather than imported, so that a story can leave it out the way a host that
 * brings its own design system does (`parameters: { kitStylesheet: false }`).
 */
const kitStylesheet = (() => {
  const found = document.head.querySelector<HTMLStyleElement>('style[data-connection-kit-stylesheet]');
  const style = found ?? document.createElement('style');
  style.dataset.connectionKitStylesheet = '';
  style.textContent = kitStylesheetText;
  if (!found) document.head.append(style);
  return style;
})();
let storiesWithoutKitStylesheet = 0;

function WithoutKitStylesheet({ children }: { children: ReactNode }) {
  useLayoutEffect(() => {
    storiesWithoutKitStylesheet += 1;
    kitStylesheet.disabled = true;
    return () => {
      storiesWithoutKitStylesheet -= 1;
      kitStylesheet.disabled = storiesWithoutKitStylesheet > 0;
    };
  }, []);
  return children;
}

const withKitStylesheet: Decorator = (Story, { parameters }) =>
  parameters.kitStylesheet === false ? (
    <WithoutKitStylesheet>
      <Story />
    </WithoutKitStylesheet>
  ) : (
    <Story />
  );

/**
 * Puts the story in the chosen theme: data-theme on a wrapper, as a host themes a part of its
 * page. Nothing is set on <html>: the Select listbox, rendered in a portal on <body>, must take
 * the form's theme by itself (see static-dropdown-field.tsx), and every dropdown story checks
 * that it does, with axe, in both themes.
 */
function ThemeFrame({ theme, page, children }: { theme: Theme; page: boolean; children: ReactNode }) {
  return (
    <div
      data-theme={theme}
      style={{
        background: theme === 'dark' ? '#0b1120' : '#ffffff',
        color: theme === 'dark' ? '#f3f4f6' : '#1f2937',
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
  // withTheme wraps withKitStylesheet (the last decorator is the outermost).
  decorators: [withKitStylesheet, withTheme],
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
