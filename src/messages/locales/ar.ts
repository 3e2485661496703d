/**
 * `connection-kit/locales/ar`: every built-in string in Arabic. Typed `Messages`, so a key added
 * to the English messages fails to compile here until it is translated. Render the form inside
 * `dir="rtl"` (or pass `dir="rtl"`): the kit's layout uses logical properties and mirrors.
 *
 * @example
 * ```tsx
 * import { ConnectionForm } from 'connection-kit';
 * import { ar } from 'connection-kit/locales/ar';
 *
 * <div dir="rtl" lang="ar">
 *   <ConnectionForm auth={auth} onConnect={save} messages={ar} />
 * </div>;
 * ```
 */
import type { Messages } from '../messages';

const reason = (detail: string) => (detail ? ` السبب: ${detail.replace(/[.\s]+$/, '')}.` : '');
const quoted = (label: string) => `«${label}»`;

// Arabic counts nouns in six plural forms (CLDR: zero, one, two, few 3–10, many 11–99, other).
const plural = new Intl.PluralRules('ar');
function fieldsToFix(count: number): string {
  switch (plural.select(count)) {
    case 'one':
      return 'صحّح الحقل المميَّز.';
    case 'two':
      return 'صحّح الحقلين المميَّزين.';
    case 'few':
      return `صحّح ${count} حقول مميَّزة.`;
    case 'many':
      return `صحّح ${count} حقلًا مميَّزًا.`;
    default:
      return `صحّح ${count} حقل مميَّز.`;
  }
}

/**
 * The built-in messages in Arabic.
 *
 * @example
 * ```tsx
 * import { ar } from 'connection-kit/locales/ar';
 *
 * <ConnectionForm auth={auth} onConnect={save} messages={ar} />;
 * ar.required('مفتاح API'); // 'الحقل «مفتاح API» مطلوب.'
 * ```
 */
export const ar: Messages = {
  required: (label) => `الحقل ${quoted(label)} مطلوب.`,
  notANumber: (label) => `يجب أن يكون الحقل ${quoted(label)} رقمًا.`,
  chooseOne: (label) => `اختر قيمة لـ ${quoted(label)}.`,
  chooseAtLeastOne: (label) => `اختر قيمة واحدة على الأقل لـ ${quoted(label)}.`,
  unsupportedType: (type, label) => `يستخدم الحقل ${quoted(label)} نوع الخاصية ${quoted(type)}، ولا يستطيع connection-kit عرضه.`,
  submit: 'اتصال',
  save: 'حفظ',
  connectionName: 'اسم الاتصال',
  savedSecretPlaceholder: 'محفوظ — اكتب لاستبداله',
  savedSecretHelp: 'هناك قيمة محفوظة. اترك الحقل فارغًا للإبقاء عليها، أو اكتب قيمة جديدة لاستبدالها.',
  validating: 'جارٍ التحقق من الاتصال…',
  cancel: 'إلغاء',
  connected: 'تم الاتصال.',
  connectedAs: (account) => `تم الاتصال باسم ${account}.`,
  invalid: (error) => `فشل الاتصال: ${error}`,
  validateFailed: (detail) => `تعذّر التحقق من الاتصال.${reason(detail)} حاول مرة أخرى.`,
  saveFailed: (detail) => `تعذّر حفظ الاتصال.${reason(detail)} حاول مرة أخرى.`,
  validateTimeout: 'استغرق التحقق من الاتصال وقتًا طويلًا. حاول مرة أخرى.',
  validateBadResult: 'أعاد التحقق من الاتصال نتيجة غير متوقعة. حاول مرة أخرى.',
  fixErrors: fieldsToFix,
  cannotFill: (labels) => `لا يستطيع هذا النموذج ملء ${labels}، لذا لا يمكن حفظ الاتصال حتى يتم تحديث القطعة.`,
  show: 'إظهار',
  showLabel: (label) => `إظهار ${label}`,
  authMethod: 'طريقة المصادقة',
  methodChoice: (method) => `المصادقة باستخدام ${method}`,
  noAuthNeeded: 'لا تحتاج هذه الخدمة إلى بيانات اعتماد.',
  none: 'بلا اختيار',
  selectPlaceholder: 'اختر خيارًا',
  noOptions: 'لا توجد خيارات متاحة',
  requiredMarker: 'مطلوب',
  brokenDefinition: 'يتعذّر عرض نموذج الاتصال هذا',
  clientId: 'معرّف العميل',
  clientSecret: 'سر العميل',
  redirectUrl: 'عنوان URL لإعادة التوجيه',
  redirectUrlHelp: 'سجّل عنوان URL لإعادة التوجيه هذا في تطبيق OAuth الخاص بك.',
  copy: 'نسخ',
  copied: 'تم النسخ.',
  grantType: 'نوع المنح',
  authorizationCode: 'رمز التفويض',
  clientCredentials: 'بيانات اعتماد العميل',
  reconnect: 'إعادة الاتصال',
  retry: 'حاول مرة أخرى',
  openInNewTab: 'افتح صفحة تسجيل الدخول في علامة تبويب جديدة',
  oauthWaiting: 'في انتظار إكمال تسجيل الدخول في النافذة المنبثقة…',
  oauthClosed: 'يبدو أن نافذة تسجيل الدخول مغلقة. إذا أكملت تسجيل الدخول فسيتم التحديث تلقائيًا، وإلا فحاول مرة أخرى.',
  oauthBlocked: 'حظر المتصفح نافذة تسجيل الدخول. حاول مرة أخرى، أو افتح صفحة تسجيل الدخول في علامة تبويب جديدة.',
  oauthTimeout: 'استغرق تسجيل الدخول وقتًا طويلًا. حاول مرة أخرى.',
  oauthDenied: (description) => `تم رفض الوصول.${reason(description)} حاول مرة أخرى لمنح الوصول.`,
  oauthProviderError: (error, description) => `أبلغ المزوّد عن خطأ (${error}).${reason(description)} حاول مرة أخرى.`,
  oauthInvalidCallback: (detail) => `تم رفض استجابة تسجيل الدخول.${reason(detail)} حاول مرة أخرى.`,
  oauthExchanging: 'جارٍ إكمال تسجيل الدخول…',
  oauthExchangeFailed: (detail) => `تعذّر إكمال تسجيل الدخول.${reason(detail)} حاول مرة أخرى.`,
  oauthNotConfigured: 'لم يتم إعداد OAuth2: يجب أن يمرّر التطبيق المضيف oauth2={{ redirectUrl }} (وعادةً clientId) إلى ConnectionForm.',
  methodHints: {
    SECRET_TEXT: 'الصق مفتاح API أو رمزًا مميزًا',
    BASIC_AUTH: 'سجّل الدخول باسم مستخدم وكلمة مرور',
    CUSTOM_AUTH: 'أدخل بيانات الاتصال',
    OAUTH2: 'سجّل الدخول إلى حسابك في نافذة جديدة',
    NO_AUTH: 'لا شيء لإدخاله',
  },
  authTypeNames: {
    SECRET_TEXT: 'مفتاح API',
    BASIC_AUTH: 'اسم المستخدم وكلمة المرور',
    CUSTOM_AUTH: 'بيانات الاعتماد',
    // The protocol's name, the same in every language.
    OAUTH2: 'OAuth2',
    NO_AUTH: 'بلا مصادقة',
  },
};
