/** connection-kit: the bench form as a PieceAuth.CustomAuth definition, rendered by <ConnectionForm>. */
import { ConnectionForm, PieceAuth, Property } from 'connection-kit';
import 'connection-kit/styles.css';
import { benchFields, noopValidate, REGIONS, type FieldSpec } from '../../forms';

function toProperty(field: FieldSpec) {
  const { label: displayName, required, description } = field;
  switch (field.kind) {
    case 'text':
      return Property.ShortText({ displayName, required, description });
    case 'secret':
      return PieceAuth.SecretText({ displayName, required, description });
    case 'dropdown':
      return Property.StaticDropdown({ displayName, required, description, options: { options: [...REGIONS] } });
    case 'checkbox':
      return Property.Checkbox({ displayName, required, description });
    case 'number':
      return Property.Number({ displayName, required, description });
    case 'longtext':
      return Property.LongText({ displayName, required, description });
  }
}

function benchAuth(extra: number) {
  return PieceAuth.CustomAuth({
    displayName: 'Database',
    description: 'Connect to your database.',
    required: true,
    props: Object.fromEntries(benchFields(extra).map((field) => [field.key, toProperty(field)])),
    validate: async ({ auth }) => noopValidate(auth),
  });
}

// Built once per page, outside render, as a piece's module-level definition is.
let cached: { extra: number; auth: ReturnType<typeof benchAuth> } | undefined;

export function BenchForm({ extra, onValue }: { extra: number; onValue: (value: unknown) => void }) {
  if (cached?.extra !== extra) cached = { extra, auth: benchAuth(extra) };
  return <ConnectionForm auth={cached.auth} onConnect={onValue} />;
}
