/**
 * `connection-kit/locales/fr`: every built-in string in French. Typed `Messages`, so a key added
 * to the English messages fails to compile here until it is translated.
 *
 * French typography: a no-break space (U+00A0) inside « » and before `:`, a narrow no-break space
 * (U+202F) before `;`.
 *
 * @example
 * ```tsx
 * import { ConnectionForm } from 'connection-kit';
 * import { fr } from 'connection-kit/locales/fr';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={fr} />;
 * ```
 */
import type { Messages } from '../messages';

const reason = (detail: string) => (detail ? ` Motif\u00a0: ${detail.replace(/[.\s]+$/, '')}.` : '');
const quoted = (label: string) => `«\u00a0${label}\u00a0»`;

/**
 * The built-in messages in French.
 *
 * @example
 * ```tsx
 * import { fr } from 'connection-kit/locales/fr';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={fr} />;
 * fr.required('Clé API'); // 'Le champ «\u00a0Clé API\u00a0» est obligatoire.'
 * ```
 */
export const fr: Messages = {
  required: (label) => `Le champ ${quoted(label)} est obligatoire.`,
  notANumber: (label) => `Le champ ${quoted(label)} doit être un nombre.`,
  chooseOne: (label) => `Choisissez une valeur pour ${quoted(label)}.`,
  chooseAtLeastOne: (label) => `Choisissez au moins une valeur pour ${quoted(label)}.`,
  unsupportedType: (type, label) =>
    `Le champ ${quoted(label)} utilise le type de propriété ${quoted(type)}, que connection-kit ne sait pas afficher.`,
  submit: 'Connecter',
  save: 'Enregistrer',
  connectionName: 'Nom de la connexion',
  savedSecretPlaceholder: 'Enregistré — saisir pour remplacer',
  savedSecretHelp: 'Une valeur est enregistrée. Laissez ce champ vide pour la conserver, ou saisissez-en une nouvelle pour la remplacer.',
  validating: 'Vérification de la connexion…',
  cancel: 'Annuler',
  connected: 'Connexion établie.',
  connectedAs: (account) => `Connecté en tant que ${account}.`,
  invalid: (error) => `Échec de la connexion\u00a0: ${error}`,
  validateFailed: (detail) => `La connexion n’a pas pu être vérifiée.${reason(detail)} Réessayez.`,
  saveFailed: (detail) => `La connexion n’a pas pu être enregistrée.${reason(detail)} Réessayez.`,
  validateTimeout: 'La vérification de la connexion a pris trop de temps. Réessayez.',
  validateBadResult: 'La vérification de la connexion a renvoyé un résultat inattendu. Réessayez.',
  fixErrors: (count) => (count === 1 ? 'Corrigez le champ signalé.' : `Corrigez les ${count} champs signalés.`),
  cannotFill: (labels) =>
    `Ce formulaire ne peut pas remplir ${labels} : la connexion ne pourra pas être enregistrée tant que la pièce n’est pas mise à jour.`,
  show: 'Afficher',
  showLabel: (label) => `Afficher ${label}`,
  authMethod: 'Méthode d’authentification',
  methodChoice: (method) => `S’authentifier avec ${method}`,
  noAuthNeeded: 'Ce service ne nécessite aucun identifiant.',
  none: 'Aucune sélection',
  selectPlaceholder: 'Sélectionnez une option',
  noOptions: 'Aucune option disponible',
  requiredMarker: 'obligatoire',
  brokenDefinition: 'Ce formulaire de connexion ne peut pas être affiché',
  clientId: 'ID client',
  clientSecret: 'Secret client',
  redirectUrl: 'URL de redirection',
  redirectUrlHelp: 'Enregistrez cette URL de redirection dans votre application OAuth.',
  copy: 'Copier',
  copied: 'Copié.',
  grantType: 'Type d’autorisation',
  authorizationCode: 'Code d’autorisation',
  clientCredentials: 'Identifiants client',
  reconnect: 'Reconnecter',
  retry: 'Réessayer',
  openInNewTab: 'Ouvrir la page de connexion dans un nouvel onglet',
  oauthWaiting: 'En attente de la fin de la connexion dans la fenêtre contextuelle…',
  oauthClosed:
    'La fenêtre de connexion semble fermée. Si vous avez terminé de vous connecter, cette page se met à jour toute seule\u202f; sinon, réessayez.',
  oauthBlocked: 'Le navigateur a bloqué la fenêtre de connexion. Réessayez, ou ouvrez la page de connexion dans un nouvel onglet.',
  oauthTimeout: 'La connexion a pris trop de temps. Réessayez.',
  oauthDenied: (description) => `L’accès a été refusé.${reason(description)} Réessayez pour accorder l’accès.`,
  oauthProviderError: (error, description) => `Le fournisseur a signalé une erreur (${error}).${reason(description)} Réessayez.`,
  oauthInvalidCallback: (detail) => `La réponse de connexion a été refusée.${reason(detail)} Réessayez.`,
  oauthExchanging: 'Finalisation de la connexion…',
  oauthExchangeFailed: (detail) => `La connexion n’a pas pu être finalisée.${reason(detail)} Réessayez.`,
  oauthNotConfigured:
    'OAuth2 n’est pas configuré\u00a0: l’application hôte doit passer oauth2={{ redirectUrl }} (et en général clientId) à ConnectionForm.',
  methodHints: {
    SECRET_TEXT: 'Collez une clé d’API ou un jeton',
    BASIC_AUTH: 'Connectez-vous avec un nom d’utilisateur et un mot de passe',
    CUSTOM_AUTH: 'Saisissez les informations de connexion',
    OAUTH2: 'Connectez-vous à votre compte dans une nouvelle fenêtre',
    NO_AUTH: 'Rien à saisir',
  },
  authTypeNames: {
    SECRET_TEXT: 'Clé d’API',
    BASIC_AUTH: 'Nom d’utilisateur et mot de passe',
    CUSTOM_AUTH: 'Identifiants',
    // The protocol's name, the same in every language.
    OAUTH2: 'OAuth2',
    NO_AUTH: 'Aucune authentification',
  },
};
