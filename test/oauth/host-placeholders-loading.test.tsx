// Issue 12 item 5, on the path where the click comes before the OAuth2 flow's chunk has loaded:
// the blank popup must open inside the click, before the rule (which lives in that chunk: the
// main chunk shares no module with it, for the bundle budget) can run. A definition whose
// free-text prop chooses the host is then refused before the popup is sent anywhere, and the
// blank popup is closed.
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { pieceFixture } from '../conformance/piece-fixtures';
import { fakePopup } from './fake-window';
import { HOST_APP, formStatus, stubWindowOpen, submitButton } from './oauth2-form-kit';

let ConnectionForm: ComponentType<Record<string, unknown>>;

beforeEach(async () => {
  vi.resetModules();
  ConnectionForm = (await import('../../src')).ConnectionForm as unknown as ComponentType<Record<string, unknown>>;
});
afterEach(() => vi.restoreAllMocks());

it('Gitea with the host’s client id and no allowedHosts: the blank popup goes nowhere and is closed, and the reason shown', async () => {
  const popup = fakePopup();
  const open = stubWindowOpen(popup);
  render(<ConnectionForm auth={pieceFixture('gitea').auth} oauth2={HOST_APP} onConnect={vi.fn()} />);
  fireEvent.click(submitButton());
  expect(open.mock.calls.map(([url]) => url)).toEqual(['about:blank']);
  await waitFor(() => expect(formStatus()).toHaveTextContent(/"baseUrl" chooses the host \(gitea\.com\)/));
  expect(popup.close).toHaveBeenCalled();
  expect(popup.location.replace).not.toHaveBeenCalled();
  expect(open).toHaveBeenCalledTimes(1);
});

it('Gitea with the host allowing gitea.com: the blank popup opens inside the click as usual', () => {
  const open = stubWindowOpen(fakePopup());
  render(<ConnectionForm auth={pieceFixture('gitea').auth} oauth2={{ ...HOST_APP, allowedHosts: ['gitea.com'] }} onConnect={vi.fn()} />);
  fireEvent.click(submitButton());
  expect(open).toHaveBeenCalledTimes(1);
  expect(open.mock.calls[0]![0]).toBe('about:blank');
});
