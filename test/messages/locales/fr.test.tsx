// The French locale is complete, and with messages={fr} the form shows no English of its own:
// buttons, states, field errors (the zod messages) and OAuth2 set-up all come from it.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PieceAuth, type AuthInput, type Messages, type ValidationResult } from '../../../src';
import { englishIn, kitText, shown } from './locale-check';
import { fr } from '../../../src/messages/locales/fr';
import * as fixtures from '../../../stories/fixtures/auth-definitions';
import { chooseOption, deferred, renderForm } from '../../connection-form/render-form';

describe('the French messages', () => {
  // Every key translated, with the same arguments: locales.test.tsx, for every locale.
  it('say "1 field" and "n fields" apart', () => {
    expect(fr.fixErrors(1)).toBe('Corrigez le champ signalé.');
    expect(fr.fixErrors(2)).toBe('Corrigez les 2 champs signalés.');
  });

  it('drop an empty reason instead of printing "Motif : ."', () => {
    expect(fr.validateFailed('')).toBe('La connexion n’a pas pu être vérifiée. Réessayez.');
    expect(fr.validateFailed('HTTP 500.  ')).toBe('La connexion n’a pas pu être vérifiée. Motif\u00a0: HTTP 500. Réessayez.');
  });
});

describe('a form with messages={fr}', () => {
  it('labels the submit button in French and shows French required errors', async () => {
    const { user, onConnect } = renderForm(fixtures.everyPropertyAuth, { messages: fr });
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByText(shown(fr.required('Token')))).toBeVisible();
    expect(screen.getByText(shown('Choisissez une valeur pour «\u00a0Environment\u00a0».'))).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Corrigez les 2 champs signalés.');
    expect(screen.getByRole('button', { name: 'Afficher Token' })).toHaveTextContent('Afficher');
    expect(englishIn(kitText(fixtures.everyPropertyAuth))).toEqual([]);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('shows the checking, failed and connected states in French', async () => {
    const check = deferred<ValidationResult>();
    const validate = vi.fn((): Promise<ValidationResult> => check.promise);
    const { user, onConnect } = renderForm(fixtures.apiKeyAuth, { messages: fr, validate });
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByRole('button', { name: 'Vérification de la connexion…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeInTheDocument();
    await act(async () => check.resolve({ valid: false, error: 'Invalid API key' }));
    expect(await screen.findByText(shown('Échec de la connexion\u00a0: Invalid API key'))).toBeInTheDocument();
    expect(englishIn(kitText(fixtures.apiKeyAuth, ['Invalid API key']))).toEqual([]);

    validate.mockResolvedValue({ valid: true });
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Connexion établie.'));
    expect(screen.getByRole('button', { name: 'Reconnecter' })).toBeInTheDocument();
    expect(onConnect).toHaveBeenCalledWith({ type: 'SECRET_TEXT', secret_text: 'sk-1' }, {});
  });

  it('reports a thrown validate and a timeout in French', async () => {
    const validate = vi.fn<() => Promise<ValidationResult>>().mockRejectedValueOnce(new Error('HTTP 503'));
    const { user } = renderForm(fixtures.apiKeyAuth, { messages: fr, validate, validateTimeoutMs: 50 });
    await user.type(screen.getByLabelText('API Key'), 'sk-1');
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByText(shown('La connexion n’a pas pu être vérifiée. Motif\u00a0: HTTP 503. Réessayez.'))).toBeInTheDocument();
    validate.mockImplementation(() => new Promise(() => {}));
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByText(shown(fr.validateTimeout))).toBeInTheDocument();
  });

  it('names the methods and the method picker in French', () => {
    renderForm(fixtures.slackLikeAuth, { messages: fr });
    expect(screen.getByRole('group', { name: 'Méthode d’authentification' })).toBeInTheDocument();
    expect(englishIn(kitText(fixtures.slackLikeAuth))).toEqual([]);
  });

  it('shows the own-app OAuth2 set-up in French', () => {
    const oauth2 = { redirectUrl: 'https://app.example.com/oauth/callback' };
    renderForm(fixtures.regionalOAuth2Auth, { messages: fr, oauth2 });
    expect(screen.getByLabelText('ID client')).toBeInTheDocument();
    expect(screen.getByLabelText('Secret client')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copier' })).toBeInTheDocument();
    expect(englishIn(kitText(fixtures.regionalOAuth2Auth, [oauth2.redirectUrl]))).toEqual([]);
  });

  it('shows the grant picker in French', () => {
    renderForm(fixtures.eitherGrantOAuth2Auth, { messages: fr, oauth2: { clientId: 'c', redirectUrl: 'https://app.example.com/cb' } });
    const group = screen.getByRole('group', { name: 'Type d’autorisation' });
    expect(within(group).getByRole('radio', { name: 'Code d’autorisation' })).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: 'Identifiants client' })).toBeInTheDocument();
  });

  it('says in French that OAuth2 is not set up when the host gave no config', async () => {
    const { user } = renderForm(fixtures.slackLikeAuth, { messages: fr });
    await user.type(screen.getByLabelText('ID client'), 'id');
    await user.type(screen.getByLabelText('Secret client'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Connecter' }));
    expect(await screen.findByText(shown(fr.oauthNotConfigured))).toBeInTheDocument();
  });

  it('offers "Aucune sélection" in an optional dropdown and keeps dropdown chrome French', async () => {
    const { user } = renderForm(fixtures.awkwardDropdownAuth, { messages: fr });
    await chooseOption(user, 'Retries', 'Aucune sélection');
    expect(englishIn(kitText(fixtures.awkwardDropdownAuth))).toEqual([]);
  });

  it.each([
    ['PieceAuth.None()', PieceAuth.None(), fr.noAuthNeeded],
    ['a property type the kit cannot render', fixtures.unsupportedPropAuth, fr.unsupportedType('JSON', 'Payload')],
    ['a definition it cannot show', fixtures.malformedAuth, fr.brokenDefinition],
  ] as [string, AuthInput, string][])('explains %s in French', (_name, auth, text) => {
    renderForm(auth, { messages: fr });
    expect(screen.getByText(shown(text))).toBeInTheDocument();
    expect(englishIn(kitText(auth))).toEqual([]);
  });

  it('is checked against English text that the check does find', () => {
    // Guards the guard: the same page in English is caught.
    renderForm(fixtures.everyPropertyAuth);
    expect(englishIn(kitText(fixtures.everyPropertyAuth))).toEqual(expect.arrayContaining(['Connect', 'Show']));
  });
});

// A missing key fails to compile: `fr` is declared as `Messages`.
const _typed: Messages = fr;
void _typed;
