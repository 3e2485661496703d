import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import 'connection-kit/styles.css';
import './globals.css';

export const metadata: Metadata = { title: 'Connections · connection-kit on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
