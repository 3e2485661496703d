// @vitest-environment node
// The public API of every package entry, pinned: adding, removing or renaming an export is a
// visible diff in this file, reviewed with the change. Values are what the entry exports at run
// time; types are the rest of its exported names (read from the source by ./entry-exports).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRIES, ROOT, exportedNames } from './entry-exports';

const PUBLIC_API: Record<string, { values: string[]; types: string[] }> = {
  '.': {
    values: [
      'BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE',
      'ConnectionForm',
      'DEFAULT_CONNECTION_DISPLAY_NAME',
      'KEPT_SECRET',
      'MarkdownVariant',
      'OAuth2AuthorizationMethod',
      'OAuth2GrantType',
      'PieceAuth',
      'Property',
      'PropertyType',
      'defaultMessages',
      'isKeptSecret',
      'translateAuth',
    ],
    types: [
      'AnyConnectionValue',
      'AuthDefinition',
      'AuthInput',
      'AuthType',
      'AuthValidator',
      'AuthValue',
      'BasicAuthConnectionValue',
      'BasicAuthProperty',
      'BasicAuthPropertyValue',
      'CheckboxProperty',
      'ConnectResult',
      'ConnectionDetails',
      'ConnectionFormClassNames',
      'ConnectionFormIcons',
      'ConnectionFormOptions',
      'ConnectionFormPart',
      'ConnectionFormProps',
      'ConnectionFormRenderProps',
      'ConnectionValue',
      'CustomAuthConnectionValue',
      'CustomAuthProp',
      'CustomAuthProperty',
      'CustomAuthProps',
      'DropdownBinding',
      'DropdownOption',
      'DropdownState',
      'EditedConnectionValue',
      'EmittedValue',
      'FieldBindings',
      'FieldIds',
      'FieldInputBinding',
      'FieldValueBinding',
      'FieldWidgetProps',
      'FieldWidgets',
      'HostValidator',
      'InitialConnectionValue',
      'InputPropertyType',
      'KeptSecret',
      'LongTextProperty',
      'MarkDownProperty',
      'Messages',
      'MultiSelectBinding',
      'NoAuthConnectionValue',
      'NumberProperty',
      'OAuth2ConnectionValue',
      'OAuth2ExchangeParams',
      'OAuth2HostConfig',
      'OAuth2Prop',
      'OAuth2Property',
      'OAuth2PropertyValue',
      'OAuth2Props',
      'OAuth2TokenFields',
      'OAuth2TokenResponse',
      'PlatformOAuth2ConnectionValue',
      'PropertyBase',
      'PropsValue',
      'SecretTextAuth',
      'SecretTextConnectionValue',
      'SecretTextProperty',
      'ServerContext',
      'ShortTextProperty',
      'StaticDropdownProperty',
      'StaticMultiSelectDropdownProperty',
      'TranslatableKind',
      'TranslateContext',
      'TranslateText',
      'ValidateParams',
      'ValidationResult',
      'ValidationStatus',
    ],
  },
  './headless': {
    values: [
      'FIELD_WIDGETS',
      'FieldErrorStoreContext',
      'FieldRow',
      'FormPartsContext',
      'createFormSchema',
      'describeFields',
      'getDefaultFormValues',
      'useConnectionForm',
    ],
    types: [
      'ConnectionFormState',
      'FieldErrorStore',
      'FieldModel',
      'FieldModelOf',
      'FieldRowProps',
      'FieldType',
      'FormValues',
      'OAuth2Grant',
    ],
  },
  './definitions': {
    values: [
      'BOTH_CLIENT_CREDENTIALS_AND_AUTHORIZATION_CODE',
      'DEFAULT_CONNECTION_DISPLAY_NAME',
      'KEPT_SECRET',
      'MarkdownVariant',
      'OAuth2AuthorizationMethod',
      'OAuth2GrantType',
      'PieceAuth',
      'Property',
      'PropertyType',
      'checkAuthDefinition',
      'createConnectionValueSchema',
      'defaultMessages',
      'isKeptSecret',
      'parseAuthDefinition',
      'toClientAuth',
      'translateAuth',
    ],
    types: [
      'AnyConnectionValue',
      'AuthDefinition',
      'AuthInput',
      'AuthType',
      'AuthValidator',
      'AuthValue',
      'BasicAuthConnectionValue',
      'BasicAuthProperty',
      'BasicAuthPropertyValue',
      'CheckboxProperty',
      'ClientAuth',
      'ConnectionValue',
      'ConnectionValueSchema',
      'CustomAuthConnectionValue',
      'CustomAuthProp',
      'CustomAuthProperty',
      'CustomAuthProps',
      'DefinitionProblem',
      'DropdownOption',
      'DropdownState',
      'EditedConnectionValue',
      'InitialConnectionValue',
      'InputPropertyType',
      'KeptSecret',
      'LongTextProperty',
      'MarkDownProperty',
      'Messages',
      'NoAuthConnectionValue',
      'NumberProperty',
      'OAuth2ConnectionValue',
      'OAuth2Prop',
      'OAuth2Property',
      'OAuth2PropertyValue',
      'OAuth2Props',
      'OAuth2TokenFields',
      'ParseAuthDefinitionResult',
      'ParsedAuth',
      'PlatformOAuth2ConnectionValue',
      'PropertyBase',
      'PropsValue',
      'SecretTextAuth',
      'SecretTextConnectionValue',
      'SecretTextProperty',
      'ServerContext',
      'ShortTextProperty',
      'StaticDropdownProperty',
      'StaticMultiSelectDropdownProperty',
      'TranslatableKind',
      'TranslateContext',
      'TranslateText',
      'ValidateParams',
      'ValidationResult',
    ],
  },
  './oauth2': {
    values: [
      'CALLBACK_MESSAGE_TAG',
      'FLOW_NONCE_KEY',
      'OAuth2ConfigError',
      'buildAuthorizationUrl',
      'buildTokenUrl',
      'callbackChannelName',
      'completeOAuth2Redirect',
      'createPkcePair',
      'createState',
      'openOAuth2Popup',
      'openSignInTab',
      's256Challenge',
      'scopeString',
      'waitForOAuth2Callback',
    ],
    types: [
      'AuthorizationUrlParams',
      'CallbackWaitOptions',
      'CompleteOAuth2RedirectOptions',
      'CompleteOAuth2RedirectResult',
      'HostPolicy',
      'OAuth2CallbackMessage',
      'OAuth2ExchangeParams',
      'OAuth2HostConfig',
      'OAuth2Outcome',
      'OAuth2TokenResponse',
      'PkcePair',
      'PopupFlow',
      'PopupFlowOptions',
    ],
  },
  './locales/fr': {
    values: ['fr'],
    types: [],
  },
  './locales/de': {
    values: ['de'],
    types: [],
  },
  './locales/es': {
    values: ['es'],
    types: [],
  },
  './locales/pt-BR': {
    values: ['ptBR'],
    types: [],
  },
  './locales/ja': {
    values: ['ja'],
    types: [],
  },
  './locales/ar': {
    values: ['ar'],
    types: [],
  },
  './testing': {
    values: ['captureConnection', 'fillConnectionForm', 'mockOAuth2Popup', 'submitConnectionForm'],
    types: [
      'CapturedConnection',
      'ConnectionNameFillValue',
      'FillConnectionFormOptions',
      'FillValues',
      'MockOAuth2Popup',
      'OAuth2FillValues',
      'TestingOptions',
    ],
  },
  './server': {
    values: [
      'ConnectionError',
      'ConnectionRejectedError',
      'InvalidConnectionValueError',
      'OAuth2ConfigError',
      'ReconnectNeededError',
      'TokenEndpointError',
      'claimConnection',
      'createConnectionHandler',
      'isRefreshDue',
      'refreshConnection',
      'restoreKeptSecrets',
    ],
    types: [
      'AnyStoredConnectionValue',
      'AnyStoredOAuth2Value',
      'ClaimOptions',
      'ConnectionErrorCode',
      'ConnectionHandlerOptions',
      'ConnectionRecord',
      'ConnectionStore',
      'ConnectionView',
      'HostPolicy',
      'OAuth2App',
      'RefreshLock',
      'RefreshOptions',
      'StoredConnectionValue',
      'StoredOAuth2ConnectionValue',
      'StoredOAuth2Fields',
      'StoredPlatformOAuth2ConnectionValue',
    ],
  },
};

const entries = await Promise.all(
  ENTRIES.map(async ({ subpath, entry }) => {
    const file = resolve(ROOT, entry);
    const runtime = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const names = exportedNames(file);
    return { subpath, entry, values: Object.keys(runtime).sort(), types: names.filter((name) => !(name in runtime)).sort() };
  }),
);

describe('the public API', () => {
  it('pins every entry of package.json exports, and only those', () => {
    expect(entries.map(({ subpath }) => subpath).sort()).toEqual(Object.keys(PUBLIC_API).sort());
  });

  it.each(entries)('of $subpath ($entry) is exactly the pinned list', ({ subpath, values, types }) => {
    expect({ values, types }).toEqual(PUBLIC_API[subpath]);
  });

  it.each(entries)('of $subpath ($entry) names each export explicitly (a wildcard only for the shared definitions list)', ({ entry }) => {
    const code = readFileSync(resolve(ROOT, entry), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const wildcards = [...code.matchAll(/^export\s+(?:type\s+)?\*\s+from\s*['"]([^'"]+)['"]/gm)].map(([, from]) => from);
    expect(wildcards.filter((from) => from !== './definitions-api')).toEqual([]);
  });

  it('shares the definitions between the main entry and connection-kit/definitions (one list, src/definitions-api.ts)', () => {
    const main = PUBLIC_API['.']!;
    const definitions = PUBLIC_API['./definitions']!;
    const shared = (api: { values: string[]; types: string[] }) => [...api.values, ...api.types];
    const onlyInDefinitions = [
      'checkAuthDefinition',
      'createConnectionValueSchema',
      'parseAuthDefinition',
      'toClientAuth',
      'ClientAuth',
      'ConnectionValueSchema',
      'DefinitionProblem',
      'ParsedAuth',
      'ParseAuthDefinitionResult',
    ];
    expect(
      shared(definitions)
        .filter((name) => !shared(main).includes(name))
        .sort(),
    ).toEqual(onlyInDefinitions.sort());
  });
});
