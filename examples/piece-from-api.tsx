// A host whose server sends each piece's auth as JSON (`npx connection-kit pieces --all --json`,
// or `toClientAuth(piece.auth)` from a Node route); the browser checks it before rendering.
import { useEffect, useState } from 'react';
import { ConnectionForm, type AnyConnectionValue } from 'connection-kit';
import { parseAuthDefinition, type ParseAuthDefinitionResult } from 'connection-kit/definitions';

export function PieceConnection({ piece, onSave }: { piece: string; onSave: (value: AnyConnectionValue) => void }) {
  const [result, setResult] = useState<ParseAuthDefinitionResult>();
  useEffect(() => {
    fetch(`/api/pieces/${encodeURIComponent(piece)}/auth`)
      .then((res) => res.json())
      .then((json) => setResult(parseAuthDefinition(json)));
  }, [piece]);

  if (!result) return <p role="status">Loading…</p>;
  if (!result.ok) {
    return (
      <ul role="alert" aria-label={`${piece} cannot be connected`}>
        {result.errors.map((e) => (
          <li key={e.path}>{`${e.path} ${e.message}. ${e.fix}`}</li>
        ))}
      </ul>
    );
  }
  return <ConnectionForm auth={result.auth} onConnect={onSave} />;
}
