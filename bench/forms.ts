/**
 * The form every bench app renders, as neutral data: a realistic custom auth with one field of
 * each kind (text, secret, dropdown, checkbox, number, long text), plus `extra` optional text
 * fields for the scaled variants (10, 100 and 500 extra: 16, 106 and 506 fields in all).
 */
export type FieldKind = 'text' | 'secret' | 'dropdown' | 'checkbox' | 'number' | 'longtext';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
}

export const REGIONS = [
  { label: 'US East (N. Virginia)', value: 'us-east-1' },
  { label: 'US West (Oregon)', value: 'us-west-2' },
  { label: 'EU (Ireland)', value: 'eu-west-1' },
  { label: 'Asia Pacific (Tokyo)', value: 'ap-northeast-1' },
] as const;

export const SIX_FIELDS: readonly FieldSpec[] = [
  { key: 'host', label: 'Host', kind: 'text', required: true, description: 'The server name, for example db.example.com.' },
  { key: 'apiKey', label: 'API key', kind: 'secret', required: true, description: 'Create one under Settings, API keys.' },
  { key: 'region', label: 'Region', kind: 'dropdown', required: true },
  { key: 'useTls', label: 'Use TLS', kind: 'checkbox', required: false },
  { key: 'port', label: 'Port', kind: 'number', required: false },
  { key: 'notes', label: 'Notes', kind: 'longtext', required: false },
];

/** The six fields plus `extra` optional text fields `field1`..`fieldN`. */
export function benchFields(extra: number): FieldSpec[] {
  const more = Array.from(
    { length: extra },
    (_, i): FieldSpec => ({
      key: `field${i + 1}`,
      label: `Field ${i + 1}`,
      kind: 'text',
      required: false,
    }),
  );
  return [...SIX_FIELDS, ...more];
}

/** How many extra text fields the page was asked for (`?extra=N`). */
export function extraFromUrl(): number {
  const n = Number(new URLSearchParams(location.search).get('extra') ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** The no-op `validate` every app runs before emitting, so submit latency includes one await. */
export const noopValidate = async (_value: unknown) => ({ valid: true as const });
