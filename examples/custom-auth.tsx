import { ConnectionForm, PieceAuth, Property, type ConnectionValue } from 'connection-kit';

export const awsAuth = PieceAuth.CustomAuth({
  displayName: 'AWS Credentials',
  required: true,
  props: {
    accessKeyId: Property.ShortText({ displayName: 'Access Key ID', required: true }),
    secretAccessKey: PieceAuth.SecretText({ displayName: 'Secret Access Key', required: true }),
    region: Property.StaticDropdown({
      displayName: 'Region',
      required: true,
      options: {
        options: [
          { label: 'US East (N. Virginia)', value: 'us-east-1' },
          { label: 'EU (Ireland)', value: 'eu-west-1' },
        ],
      },
    }),
  },
});

// { type: 'CUSTOM_AUTH'; props: { accessKeyId: string; secretAccessKey: string;
//   region: 'us-east-1' | 'eu-west-1' } }
export type AwsConnection = ConnectionValue<typeof awsAuth>;

export function AwsConnectionForm({ onSave }: { onSave: (value: AwsConnection) => void }) {
  return <ConnectionForm auth={awsAuth} onConnect={onSave} />;
}
