// The definition's own strings in the user's language through `translate`, with the kit's own
// strings from a locale: a German form all through, which still emits the author's values.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TranslateText } from '../../src';
import { de } from '../../src/messages/locales/de';
import { awsAuth, everyPropertyAuth } from '../../stories/fixtures/auth-definitions';
import { chooseOption, renderForm } from './render-form';

const GERMAN: Record<string, string> = {
  'AWS Credentials': 'AWS-Zugangsdaten',
  'Access Key ID': 'Zugriffsschlüssel-ID',
  'Secret Access Key': 'Geheimer Zugriffsschlüssel',
  Region: 'Region',
  'EU (Ireland)': 'EU (Irland)',
  Environment: 'Umgebung',
  'Pick an environment': 'Umgebung wählen',
  Production: 'Produktion',
  Sandbox: 'Testumgebung',
  'Use a **sandbox** account while testing.': 'Verwenden Sie beim Testen ein **Test**konto.',
};
// A module constant: the form translates once per definition and translate function.
const translate: TranslateText = (text) => GERMAN[text] ?? text;

describe('a form with translate', () => {
  it('shows the translated labels, options and help, and emits the author’s values', async () => {
    const { user, onConnect } = renderForm(awsAuth, { translate, messages: de });
    await user.type(screen.getByRole('textbox', { name: /^Zugriffsschlüssel-ID/ }), 'AKIA1');
    await user.type(screen.getByLabelText(/^Geheimer Zugriffsschlüssel/, { selector: 'input' }), 'sk');
    await chooseOption(user, 'Region', 'EU (Irland)');
    await user.click(screen.getByRole('button', { name: de.submit }));
    await vi.waitFor(() => expect(onConnect).toHaveBeenCalledTimes(1));
    expect(onConnect.mock.calls[0]![0]).toEqual({
      type: 'CUSTOM_AUTH',
      props: { accessKeyId: 'AKIA1', secretAccessKey: 'sk', region: 'eu-west-1' },
    });
  });

  it('uses the translated labels in the kit’s own errors, and translates markdown notes and placeholders', async () => {
    const { user } = renderForm(everyPropertyAuth, { translate, messages: de });
    expect(screen.getByRole('note')).toHaveTextContent('Verwenden Sie beim Testen ein Testkonto.');
    expect(within(screen.getByRole('note')).getByText('Test').tagName).toBe('STRONG');
    expect(screen.getByRole('combobox', { name: /^Umgebung/ })).toHaveTextContent('Umgebung wählen');
    await user.click(screen.getByRole('button', { name: de.submit }));
    expect(await screen.findByText(de.chooseOne('Umgebung'))).toBeVisible();
  });
});
