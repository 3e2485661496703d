/**
 * `connection-kit/locales/de`: every built-in string in German. Typed `Messages`, so a key added
 * to the English messages fails to compile here until it is translated.
 *
 * @example
 * ```tsx
 * import { ConnectionForm } from 'connection-kit';
 * import { de } from 'connection-kit/locales/de';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={de} />;
 * ```
 */
import type { Messages } from '../messages';

const reason = (detail: string) => (detail ? ` Grund: ${detail.replace(/[.\s]+$/, '')}.` : '');
const quoted = (label: string) => `„${label}“`;

/**
 * The built-in messages in German.
 *
 * @example
 * ```tsx
 * import { de } from 'connection-kit/locales/de';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={de} />;
 * de.required('API-Schlüssel'); // '„API-Schlüssel“ ist ein Pflichtfeld.'
 * ```
 */
export const de: Messages = {
  required: (label) => `${quoted(label)} ist ein Pflichtfeld.`,
  notANumber: (label) => `${quoted(label)} muss eine Zahl sein.`,
  chooseOne: (label) => `Wählen Sie einen Wert für ${quoted(label)}.`,
  chooseAtLeastOne: (label) => `Wählen Sie mindestens einen Wert für ${quoted(label)}.`,
  unsupportedType: (type, label) =>
    `${quoted(label)} verwendet den Eigenschaftstyp ${quoted(type)}, den connection-kit nicht darstellen kann.`,
  submit: 'Verbinden',
  save: 'Speichern',
  connectionName: 'Name der Verbindung',
  savedSecretPlaceholder: 'Gespeichert – zum Ersetzen eingeben',
  savedSecretHelp:
    'Ein Wert ist gespeichert. Lassen Sie das Feld leer, um ihn zu behalten, oder geben Sie einen neuen ein, um ihn zu ersetzen.',
  validating: 'Verbindung wird geprüft …',
  cancel: 'Abbrechen',
  connected: 'Verbunden.',
  connectedAs: (account) => `Verbunden als ${account}.`,
  invalid: (error) => `Verbindung fehlgeschlagen: ${error}`,
  validateFailed: (detail) => `Die Verbindung konnte nicht geprüft werden.${reason(detail)} Bitte erneut versuchen.`,
  saveFailed: (detail) => `Die Verbindung konnte nicht gespeichert werden.${reason(detail)} Bitte erneut versuchen.`,
  validateTimeout: 'Die Prüfung der Verbindung hat zu lange gedauert. Bitte erneut versuchen.',
  validateBadResult: 'Die Prüfung der Verbindung hat ein unerwartetes Ergebnis geliefert. Bitte erneut versuchen.',
  fixErrors: (count) => (count === 1 ? 'Korrigieren Sie das markierte Feld.' : `Korrigieren Sie die ${count} markierten Felder.`),
  cannotFill: (labels) =>
    `Dieses Formular kann ${labels} nicht ausfüllen; die Verbindung lässt sich erst speichern, wenn das Piece aktualisiert ist.`,
  show: 'Anzeigen',
  showLabel: (label) => `${label} anzeigen`,
  authMethod: 'Anmeldemethode',
  methodChoice: (method) => `Mit ${method} anmelden`,
  noAuthNeeded: 'Dieser Dienst benötigt keine Zugangsdaten.',
  none: 'Keine Auswahl',
  selectPlaceholder: 'Option wählen',
  noOptions: 'Keine Optionen verfügbar',
  requiredMarker: 'Pflichtfeld',
  brokenDefinition: 'Dieses Verbindungsformular kann nicht angezeigt werden',
  clientId: 'Client-ID',
  clientSecret: 'Client-Geheimnis',
  redirectUrl: 'Weiterleitungs-URL',
  redirectUrlHelp: 'Registrieren Sie diese Weiterleitungs-URL in Ihrer OAuth-App.',
  copy: 'Kopieren',
  copied: 'Kopiert.',
  grantType: 'Berechtigungstyp',
  authorizationCode: 'Autorisierungscode',
  clientCredentials: 'Client-Zugangsdaten',
  reconnect: 'Neu verbinden',
  retry: 'Erneut versuchen',
  openInNewTab: 'Anmeldeseite in neuem Tab öffnen',
  oauthWaiting: 'Warten, bis Sie die Anmeldung im Pop-up-Fenster abschließen …',
  oauthClosed:
    'Das Anmeldefenster scheint geschlossen zu sein. Wenn Sie die Anmeldung abgeschlossen haben, aktualisiert sich diese Seite von selbst; andernfalls versuchen Sie es erneut.',
  oauthBlocked:
    'Der Browser hat das Anmeldefenster blockiert. Versuchen Sie es erneut oder öffnen Sie die Anmeldeseite in einem neuen Tab.',
  oauthTimeout: 'Die Anmeldung hat zu lange gedauert. Bitte erneut versuchen.',
  oauthDenied: (description) => `Der Zugriff wurde verweigert.${reason(description)} Versuchen Sie es erneut, um den Zugriff zu erlauben.`,
  oauthProviderError: (error, description) =>
    `Der Anbieter hat einen Fehler gemeldet (${error}).${reason(description)} Bitte erneut versuchen.`,
  oauthInvalidCallback: (detail) => `Die Anmeldeantwort wurde abgelehnt.${reason(detail)} Bitte erneut versuchen.`,
  oauthExchanging: 'Anmeldung wird abgeschlossen …',
  oauthExchangeFailed: (detail) => `Die Anmeldung konnte nicht abgeschlossen werden.${reason(detail)} Bitte erneut versuchen.`,
  oauthNotConfigured:
    'OAuth2 ist nicht eingerichtet: Die Host-App muss oauth2={{ redirectUrl }} (und meist clientId) an ConnectionForm übergeben.',
  methodHints: {
    SECRET_TEXT: 'Fügen Sie einen API-Schlüssel oder ein Token ein',
    BASIC_AUTH: 'Mit Benutzername und Passwort anmelden',
    CUSTOM_AUTH: 'Geben Sie die Verbindungsdaten ein',
    OAUTH2: 'Melden Sie sich in einem neuen Fenster bei Ihrem Konto an',
    NO_AUTH: 'Keine Eingabe nötig',
  },
  authTypeNames: {
    SECRET_TEXT: 'API-Schlüssel',
    BASIC_AUTH: 'Benutzername und Passwort',
    CUSTOM_AUTH: 'Zugangsdaten',
    // The protocol's name, the same in every language.
    OAUTH2: 'OAuth2',
    NO_AUTH: 'Keine Authentifizierung',
  },
};
