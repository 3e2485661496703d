import { ConnectionForm, KEPT_SECRET, isKeptSecret, type EditedConnectionValue } from 'connection-kit';
import { awsAuth } from './custom-auth';

type Saved = { id: string; name: string; region: 'us-east-1' | 'eu-west-1'; accessKeyId: string };

// The server never sends the stored secret: the form shows it as saved, and emits KEPT_SECRET
// in its place unless the user types a new one.
export function EditAwsConnection({
  saved,
  onSave,
}: {
  saved: Saved;
  onSave: (value: EditedConnectionValue<typeof awsAuth>, name: string | undefined) => void;
}) {
  return (
    <ConnectionForm
      key={saved.id}
      auth={awsAuth}
      connectionName={saved.name}
      initialValue={{
        type: 'CUSTOM_AUTH',
        props: { accessKeyId: saved.accessKeyId, region: saved.region, secretAccessKey: KEPT_SECRET },
      }}
      onConnect={(value, { displayName }) => onSave(value, displayName)}
    />
  );
}

// On the server: put the stored secret back before saving or validating.
export function merge(value: EditedConnectionValue<typeof awsAuth>, storedSecret: string) {
  const { secretAccessKey } = value.props;
  return { ...value, props: { ...value.props, secretAccessKey: isKeptSecret(secretAccessKey) ? storedSecret : secretAccessKey } };
}
