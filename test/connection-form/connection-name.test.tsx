// `connectionName: true` prefills the name field with something that names the service: the
// host's `defaultConnectionName` (the piece's name), else a display name other than
// Activepieces' generic "Connection".
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PieceAuth, Property } from '../../src';
import { apiKeyAuth } from '../../stories/fixtures/auth-definitions';
import { renderForm } from './render-form';

// As most published pieces write it: the auth's displayName left at Activepieces' default.
const genericAuth = PieceAuth.CustomAuth({
  displayName: 'Connection',
  required: true,
  props: {
    token: PieceAuth.SecretText({ displayName: 'Bot token', required: true }),
    team: Property.ShortText({ displayName: 'Team', required: false }),
  },
});

const nameField = () => screen.getByRole('textbox', { name: /^Connection name/ });

describe('the connection name field', () => {
  it('is prefilled with defaultConnectionName, the piece’s name the host passes', () => {
    renderForm(genericAuth, { connectionName: true, defaultConnectionName: 'Slack' });
    expect(nameField()).toHaveValue('Slack');
  });

  it('uses the definition’s own display name when it says something', () => {
    renderForm(apiKeyAuth, { connectionName: true });
    expect(nameField()).toHaveValue(apiKeyAuth.displayName);
  });

  it('falls back to "Connection" only when nothing better is known', () => {
    renderForm(genericAuth, { connectionName: true });
    expect(nameField()).toHaveValue('Connection');
  });

  it('takes a string given as connectionName over both', () => {
    renderForm(genericAuth, { connectionName: 'Production', defaultConnectionName: 'Slack' });
    expect(nameField()).toHaveValue('Production');
  });
});
