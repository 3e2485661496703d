// Issue 12 item 5, on the path where the click comes before the OAuth2 flow's chunk has loaded
// (a blank popup normally opens inside the click): a definition whose free-text prop chooses
// the host is refused before any window opens, blank or not.
import { fireEvent, render } from '@testing-library/react';
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

it('Gitea with the host’s client id and no allowedHosts: no blank popup, and the reason shown', () => {
  const open = stubWindowOpen(fakePopup());
  render(<ConnectionForm auth={pieceFixture('gitea').auth} oauth2={HOST_APP} onConnect={vi.fn()} />);
  fireEvent.click(submitButton());
  expect(open).not.toHaveBeenCalled();
  expect(formStatus()).toHaveTextContent(/"baseUrl" chooses the host \(gitea\.com\)/);
});

it('Gitea with the host allowing gitea.com: the blank popup opens inside the click as usual', () => {
  const open = stubWindowOpen(fakePopup());
  render(<ConnectionForm auth={pieceFixture('gitea').auth} oauth2={{ ...HOST_APP, allowedHosts: ['gitea.com'] }} onConnect={vi.fn()} />);
  fireEvent.click(submitButton());
  expect(open).toHaveBeenCalledTimes(1);
  expect(open.mock.calls[0]![0]).toBe('about:blank');
});
