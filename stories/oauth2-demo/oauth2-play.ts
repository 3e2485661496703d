// Steps and host settings shared by the OAuth2 stories. Queries go by role, label and text.
import { expect, userEvent, waitFor } from 'storybook/test';
import type { OAuth2HostConfig } from '../../src';
import type { Canvas } from '../play-helpers';

/** The host app's client id in the stories (the host's own OAuth app). */
export const HOST_CLIENT_ID = 'storybook-host-app';

/**
 * The redirect page, on the page's own origin as a host serves it. Storybook serves the kit's
 * ready-made callback page at this path (see stories/oauth2-demo/callback-page-plugin.ts); in
 * the story tests the fake provider answers in its place.
 */
export const REDIRECT_URL = `${window.location.origin}/oauth2-callback.html`;

/** The host's OAuth2 set-up with its own app. */
export const hostApp: OAuth2HostConfig = { clientId: HOST_CLIENT_ID, redirectUrl: REDIRECT_URL };

/** The host's OAuth2 set-up where users bring their own app (no `clientId`). */
export const ownApp: OAuth2HostConfig = { redirectUrl: REDIRECT_URL };

/**
 * Waits until one of the page's live regions (role="status") says `text`. OAuth2 outcomes can
 * take a while (the closed-window grace period alone is 1.5 s), hence the longer default.
 */
export async function expectAnnounced(canvas: Canvas, text: string | RegExp, timeout = 8_000) {
  await waitFor(
    () => {
      const regions = canvas.getAllByRole('status');
      const match = regions.find((region: HTMLElement) =>
        typeof text === 'string' ? region.textContent === text : text.test(region.textContent ?? ''),
      );
      expect(
        match,
        `no status region says ${String(text)}; they say ${JSON.stringify(regions.map((r: HTMLElement) => r.textContent))}`,
      ).toBeDefined();
      expect(match).toBeVisible();
    },
    { timeout },
  );
}

/** Types the `{region}` the definition's URLs and scope need, then clicks Connect. */
export async function connectInRegion(canvas: Canvas, region = 'eu') {
  await userEvent.type(canvas.getByRole('textbox', { name: 'Region' }), region);
  await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
}
