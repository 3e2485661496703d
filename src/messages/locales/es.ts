/**
 * `connection-kit/locales/es`: every built-in string in Spanish. Typed `Messages`, so a key added
 * to the English messages fails to compile here until it is translated.
 *
 * @example
 * ```tsx
 * import { ConnectionForm } from 'connection-kit';
 * import { es } from 'connection-kit/locales/es';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={es} />;
 * ```
 */
import type { Messages } from '../messages';

const reason = (detail: string) => (detail ? ` Motivo: ${detail.replace(/[.\s]+$/, '')}.` : '');
const quoted = (label: string) => `«${label}»`;

/**
 * The built-in messages in Spanish.
 *
 * @example
 * ```tsx
 * import { es } from 'connection-kit/locales/es';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={es} />;
 * es.required('Clave de API'); // 'El campo «Clave de API» es obligatorio.'
 * ```
 */
export const es: Messages = {
  required: (label) => `El campo ${quoted(label)} es obligatorio.`,
  notANumber: (label) => `El campo ${quoted(label)} debe ser un número.`,
  chooseOne: (label) => `Elige un valor para ${quoted(label)}.`,
  chooseAtLeastOne: (label) => `Elige al menos un valor para ${quoted(label)}.`,
  unsupportedType: (type, label) =>
    `El campo ${quoted(label)} usa el tipo de propiedad ${quoted(type)}, que connection-kit no puede mostrar.`,
  submit: 'Conectar',
  save: 'Guardar',
  connectionName: 'Nombre de la conexión',
  savedSecretPlaceholder: 'Guardado: escribe para reemplazarlo',
  savedSecretHelp: 'Hay un valor guardado. Deja el campo vacío para conservarlo o escribe uno nuevo para reemplazarlo.',
  validating: 'Comprobando la conexión…',
  cancel: 'Cancelar',
  connected: 'Conexión establecida.',
  connectedAs: (account) => `Conectado como ${account}.`,
  invalid: (error) => `La conexión ha fallado: ${error}`,
  validateFailed: (detail) => `No se ha podido comprobar la conexión.${reason(detail)} Inténtalo de nuevo.`,
  saveFailed: (detail) => `No se ha podido guardar la conexión.${reason(detail)} Inténtalo de nuevo.`,
  validateTimeout: 'La comprobación de la conexión ha tardado demasiado. Inténtalo de nuevo.',
  validateBadResult: 'La comprobación de la conexión ha devuelto un resultado inesperado. Inténtalo de nuevo.',
  fixErrors: (count) => (count === 1 ? 'Corrige el campo marcado.' : `Corrige los ${count} campos marcados.`),
  cannotFill: (labels) =>
    `Este formulario no puede completar ${labels}, así que la conexión no se podrá guardar hasta que se actualice la pieza.`,
  show: 'Mostrar',
  showLabel: (label) => `Mostrar ${label}`,
  authMethod: 'Método de autenticación',
  methodChoice: (method) => `Autenticarse con ${method}`,
  noAuthNeeded: 'Este servicio no necesita credenciales.',
  none: 'Sin selección',
  selectPlaceholder: 'Selecciona una opción',
  noOptions: 'No hay opciones disponibles',
  requiredMarker: 'obligatorio',
  brokenDefinition: 'No se puede mostrar este formulario de conexión',
  clientId: 'ID de cliente',
  clientSecret: 'Secreto de cliente',
  redirectUrl: 'URL de redirección',
  redirectUrlHelp: 'Registra esta URL de redirección en tu aplicación OAuth.',
  copy: 'Copiar',
  copied: 'Copiado.',
  grantType: 'Tipo de autorización',
  authorizationCode: 'Código de autorización',
  clientCredentials: 'Credenciales de cliente',
  reconnect: 'Volver a conectar',
  retry: 'Reintentar',
  openInNewTab: 'Abrir la página de inicio de sesión en una pestaña nueva',
  oauthWaiting: 'Esperando a que termines de iniciar sesión en la ventana emergente…',
  oauthClosed:
    'Parece que la ventana de inicio de sesión está cerrada. Si terminaste de iniciar sesión, esto se actualizará solo; si no, inténtalo de nuevo.',
  oauthBlocked:
    'El navegador ha bloqueado la ventana de inicio de sesión. Inténtalo de nuevo o abre la página de inicio de sesión en una pestaña nueva.',
  oauthTimeout: 'El inicio de sesión ha tardado demasiado. Inténtalo de nuevo.',
  oauthDenied: (description) => `Se ha denegado el acceso.${reason(description)} Inténtalo de nuevo para conceder el acceso.`,
  oauthProviderError: (error, description) => `El proveedor ha informado de un error (${error}).${reason(description)} Inténtalo de nuevo.`,
  oauthInvalidCallback: (detail) => `Se ha rechazado la respuesta del inicio de sesión.${reason(detail)} Inténtalo de nuevo.`,
  oauthExchanging: 'Finalizando el inicio de sesión…',
  oauthExchangeFailed: (detail) => `No se ha podido completar el inicio de sesión.${reason(detail)} Inténtalo de nuevo.`,
  oauthNotConfigured:
    'OAuth2 no está configurado: la aplicación anfitriona debe pasar oauth2={{ redirectUrl }} (y normalmente clientId) a ConnectionForm.',
  methodHints: {
    SECRET_TEXT: 'Pegue una clave de API o un token',
    BASIC_AUTH: 'Inicie sesión con un nombre de usuario y una contraseña',
    CUSTOM_AUTH: 'Introduzca los datos de conexión',
    OAUTH2: 'Inicie sesión en su cuenta en una ventana nueva',
    NO_AUTH: 'No hay nada que introducir',
  },
  authTypeNames: {
    SECRET_TEXT: 'Clave de API',
    BASIC_AUTH: 'Usuario y contraseña',
    CUSTOM_AUTH: 'Credenciales',
    // The protocol's name, the same in every language.
    OAUTH2: 'OAuth2',
    NO_AUTH: 'Sin autenticación',
  },
};
