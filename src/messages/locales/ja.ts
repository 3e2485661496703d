/**
 * `connection-kit/locales/ja`: every built-in string in Japanese. Typed `Messages`, so a key
 * added to the English messages fails to compile here until it is translated.
 *
 * @example
 * ```tsx
 * import { ConnectionForm } from 'connection-kit';
 * import { ja } from 'connection-kit/locales/ja';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={ja} />;
 * ```
 */
import type { Messages } from '../messages';

const reason = (detail: string) => (detail ? `（理由: ${detail.replace(/[.\s]+$/, '')}）` : '');
const quoted = (label: string) => `「${label}」`;

/**
 * The built-in messages in Japanese.
 *
 * @example
 * ```tsx
 * import { ja } from 'connection-kit/locales/ja';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={ja} />;
 * ja.required('API キー'); // '「API キー」は必須です。'
 * ```
 */
export const ja: Messages = {
  required: (label) => `${quoted(label)}は必須です。`,
  notANumber: (label) => `${quoted(label)}には数値を入力してください。`,
  chooseOne: (label) => `${quoted(label)}の値を選択してください。`,
  chooseAtLeastOne: (label) => `${quoted(label)}の値を 1 つ以上選択してください。`,
  unsupportedType: (type, label) =>
    `${quoted(label)}はプロパティ型 ${quoted(type)} を使用していますが、connection-kit では表示できません。`,
  submit: '接続',
  save: '保存',
  connectionName: '接続名',
  savedSecretPlaceholder: '保存済み — 入力すると置き換えます',
  savedSecretHelp: '値が保存されています。そのままにするには空欄のままにし、置き換えるには新しい値を入力してください。',
  validating: '接続を確認しています…',
  cancel: 'キャンセル',
  connected: '接続しました。',
  connectedAs: (account) => `${account} として接続しました。`,
  invalid: (error) => `接続に失敗しました: ${error}`,
  validateFailed: (detail) => `接続を確認できませんでした${reason(detail)}。もう一度お試しください。`,
  saveFailed: (detail) => `接続を保存できませんでした${reason(detail)}。もう一度お試しください。`,
  validateTimeout: '接続の確認に時間がかかりすぎました。もう一度お試しください。',
  validateBadResult: '接続の確認で予期しない結果が返されました。もう一度お試しください。',
  fixErrors: (count) => (count === 1 ? '強調表示された項目を修正してください。' : `強調表示された ${count} 個の項目を修正してください。`),
  cannotFill: (labels) => `このフォームでは ${labels} を入力できないため、ピースが更新されるまで接続を保存できません。`,
  show: '表示',
  showLabel: (label) => `${label}を表示`,
  authMethod: '認証方法',
  methodChoice: (method) => `${method} で認証`,
  noAuthNeeded: 'このサービスには認証情報は必要ありません。',
  none: '選択なし',
  selectPlaceholder: 'オプションを選択',
  noOptions: '選択できるオプションがありません',
  requiredMarker: '必須',
  brokenDefinition: 'この接続フォームは表示できません',
  clientId: 'クライアント ID',
  clientSecret: 'クライアントシークレット',
  redirectUrl: 'リダイレクト URL',
  redirectUrlHelp: 'このリダイレクト URL を OAuth アプリに登録してください。',
  copy: 'コピー',
  copied: 'コピーしました。',
  grantType: 'グラントタイプ',
  authorizationCode: '認可コード',
  clientCredentials: 'クライアントクレデンシャル',
  reconnect: '再接続',
  retry: '再試行',
  openInNewTab: 'サインインページを新しいタブで開く',
  oauthWaiting: 'ポップアップウィンドウでのサインインの完了を待っています…',
  oauthClosed:
    'サインインウィンドウが閉じられたようです。サインインを完了した場合は自動的に更新されます。そうでない場合は、もう一度お試しください。',
  oauthBlocked:
    'ブラウザーがサインインウィンドウをブロックしました。もう一度お試しいただくか、サインインページを新しいタブで開いてください。',
  oauthTimeout: 'サインインに時間がかかりすぎました。もう一度お試しください。',
  oauthDenied: (description) => `アクセスが拒否されました${reason(description)}。アクセスを許可するには、もう一度お試しください。`,
  oauthProviderError: (error, description) =>
    `プロバイダーからエラーが報告されました（${error}）${reason(description)}。もう一度お試しください。`,
  oauthInvalidCallback: (detail) => `サインインの応答は拒否されました${reason(detail)}。もう一度お試しください。`,
  oauthExchanging: 'サインインを完了しています…',
  oauthExchangeFailed: (detail) => `サインインを完了できませんでした${reason(detail)}。もう一度お試しください。`,
  oauthNotConfigured:
    'OAuth2 が設定されていません。ホストアプリは ConnectionForm に oauth2={{ redirectUrl }}（通常は clientId も）を渡す必要があります。',
  methodHints: {
    SECRET_TEXT: 'APIキーまたはトークンを貼り付けます',
    BASIC_AUTH: 'ユーザー名とパスワードでサインインします',
    CUSTOM_AUTH: '接続情報を入力します',
    OAUTH2: '新しいウィンドウでアカウントにサインインします',
    NO_AUTH: '入力は不要です',
  },
  authTypeNames: {
    SECRET_TEXT: 'API キー',
    BASIC_AUTH: 'ユーザー名とパスワード',
    CUSTOM_AUTH: '認証情報',
    // The protocol's name, the same in every language.
    OAUTH2: 'OAuth2',
    NO_AUTH: '認証なし',
  },
};
