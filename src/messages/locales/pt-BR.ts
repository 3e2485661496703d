/**
 * `connection-kit/locales/pt-BR`: every built-in string in Brazilian Portuguese. Typed
 * `Messages`, so a key added to the English messages fails to compile here until it is translated.
 *
 * @example
 * ```tsx
 * import { ConnectionForm } from 'connection-kit';
 * import { ptBR } from 'connection-kit/locales/pt-BR';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={ptBR} />;
 * ```
 */
import type { Messages } from '../messages';

const reason = (detail: string) => (detail ? ` Motivo: ${detail.replace(/[.\s]+$/, '')}.` : '');
const quoted = (label: string) => `“${label}”`;

/**
 * The built-in messages in Brazilian Portuguese.
 *
 * @example
 * ```tsx
 * import { ptBR } from 'connection-kit/locales/pt-BR';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={ptBR} />;
 * ptBR.required('Chave de API'); // 'O campo “Chave de API” é obrigatório.'
 * ```
 */
export const ptBR: Messages = {
  required: (label) => `O campo ${quoted(label)} é obrigatório.`,
  notANumber: (label) => `O campo ${quoted(label)} deve ser um número.`,
  chooseOne: (label) => `Escolha um valor para ${quoted(label)}.`,
  chooseAtLeastOne: (label) => `Escolha pelo menos um valor para ${quoted(label)}.`,
  unsupportedType: (type, label) =>
    `O campo ${quoted(label)} usa o tipo de propriedade ${quoted(type)}, que o connection-kit não consegue exibir.`,
  submit: 'Conectar',
  save: 'Salvar',
  connectionName: 'Nome da conexão',
  savedSecretPlaceholder: 'Salvo — digite para substituir',
  savedSecretHelp: 'Há um valor salvo. Deixe o campo vazio para mantê-lo ou digite um novo para substituí-lo.',
  validating: 'Verificando a conexão…',
  cancel: 'Cancelar',
  connected: 'Conectado.',
  connectedAs: (account) => `Conectado como ${account}.`,
  invalid: (error) => `Falha na conexão: ${error}`,
  validateFailed: (detail) => `Não foi possível verificar a conexão.${reason(detail)} Tente novamente.`,
  saveFailed: (detail) => `Não foi possível salvar a conexão.${reason(detail)} Tente novamente.`,
  validateTimeout: 'A verificação da conexão demorou demais. Tente novamente.',
  validateBadResult: 'A verificação da conexão retornou um resultado inesperado. Tente novamente.',
  fixErrors: (count) => (count === 1 ? 'Corrija o campo destacado.' : `Corrija os ${count} campos destacados.`),
  cannotFill: (labels) =>
    `Este formulário não consegue preencher ${labels}, então a conexão só poderá ser salva quando a peça for atualizada.`,
  show: 'Mostrar',
  showLabel: (label) => `Mostrar ${label}`,
  authMethod: 'Método de autenticação',
  methodChoice: (method) => `Autenticar com ${method}`,
  noAuthNeeded: 'Este serviço não precisa de credenciais.',
  none: 'Nenhuma seleção',
  selectPlaceholder: 'Selecione uma opção',
  noOptions: 'Nenhuma opção disponível',
  requiredMarker: 'obrigatório',
  brokenDefinition: 'Não é possível exibir este formulário de conexão',
  clientId: 'ID do cliente',
  clientSecret: 'Segredo do cliente',
  redirectUrl: 'URL de redirecionamento',
  redirectUrlHelp: 'Registre esta URL de redirecionamento no seu aplicativo OAuth.',
  copy: 'Copiar',
  copied: 'Copiado.',
  grantType: 'Tipo de concessão',
  authorizationCode: 'Código de autorização',
  clientCredentials: 'Credenciais do cliente',
  reconnect: 'Reconectar',
  retry: 'Tentar novamente',
  openInNewTab: 'Abrir a página de login em uma nova aba',
  oauthWaiting: 'Aguardando você concluir o login na janela pop-up…',
  oauthClosed:
    'A janela de login parece estar fechada. Se você concluiu o login, isto se atualiza sozinho; caso contrário, tente novamente.',
  oauthBlocked: 'O navegador bloqueou a janela de login. Tente novamente ou abra a página de login em uma nova aba.',
  oauthTimeout: 'O login demorou demais. Tente novamente.',
  oauthDenied: (description) => `O acesso foi negado.${reason(description)} Tente novamente para conceder o acesso.`,
  oauthProviderError: (error, description) => `O provedor informou um erro (${error}).${reason(description)} Tente novamente.`,
  oauthInvalidCallback: (detail) => `A resposta do login foi recusada.${reason(detail)} Tente novamente.`,
  oauthExchanging: 'Concluindo o login…',
  oauthExchangeFailed: (detail) => `Não foi possível concluir o login.${reason(detail)} Tente novamente.`,
  oauthNotConfigured:
    'O OAuth2 não está configurado: o aplicativo hospedeiro deve passar oauth2={{ redirectUrl }} (e normalmente clientId) para ConnectionForm.',
  methodHints: {
    SECRET_TEXT: 'Cole uma chave de API ou um token',
    BASIC_AUTH: 'Entre com um nome de usuário e uma senha',
    CUSTOM_AUTH: 'Informe os dados da conexão',
    OAUTH2: 'Entre na sua conta em uma nova janela',
    NO_AUTH: 'Nada a preencher',
  },
  authTypeNames: {
    SECRET_TEXT: 'Chave de API',
    BASIC_AUTH: 'Usuário e senha',
    CUSTOM_AUTH: 'Credenciais',
    // The protocol's name, the same in every language.
    OAUTH2: 'OAuth2',
    NO_AUTH: 'Sem autenticação',
  },
};
