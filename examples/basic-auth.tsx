import { ConnectionForm, PieceAuth } from 'connection-kit';

export const jiraAuth = PieceAuth.BasicAuth({
  displayName: 'Credentials',
  description: 'Enter your username and password',
  required: true,
  username: { displayName: 'Email' },
  password: { displayName: 'API token', description: 'Create one under **Security → API tokens**.' },
});

export function JiraConnection({ onSave }: { onSave: (user: string, password: string) => void }) {
  return (
    <ConnectionForm
      auth={jiraAuth}
      // value: { type: 'BASIC_AUTH'; username: string; password: string }
      onConnect={({ username, password }) => onSave(username, password)}
    />
  );
}
