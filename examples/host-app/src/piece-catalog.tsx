import { useDeferredValue, useId, useState } from 'react';
import type { PieceSummary } from './api';
import { authLabel } from './auth-labels';
import { PieceAvatar } from './piece-avatar';

const matches = (piece: PieceSummary, query: string) =>
  `${piece.displayName} ${piece.description} ${piece.authTypes.map(authLabel).join(' ')}`.toLowerCase().includes(query);

export function PieceCatalog({ pieces, onConnect }: { pieces: PieceSummary[]; onConnect: (piece: PieceSummary) => void }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const shown = deferred ? pieces.filter((p) => matches(p, deferred)) : pieces;
  const searchId = useId();
  return (
    <section className="catalog" aria-labelledby="catalog-heading">
      <div className="section-head">
        <h2 id="catalog-heading">Add a connection</h2>
        <div className="search">
          <label htmlFor={searchId}>Search pieces</label>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder="Slack, API key, OAuth2…"
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      </div>
      <p className="count" role="status">
        {shown.length === pieces.length ? `${pieces.length} pieces` : `${shown.length} of ${pieces.length} pieces`}
      </p>
      {shown.length === 0 ? (
        <p className="empty">No piece matches “{query.trim()}”.</p>
      ) : (
        <ul className="piece-grid">
          {shown.map((piece) => (
            <li key={piece.key} className="piece-card">
              <PieceAvatar name={piece.displayName} />
              <div className="piece-text">
                <h3>{piece.displayName}</h3>
                <p className="piece-description">{piece.description}</p>
                <p className="tags">
                  {[...new Set(piece.authTypes.map(authLabel))].map((label) => (
                    <span key={label} className="tag">
                      {label}
                    </span>
                  ))}
                  {piece.checkedTypes.length > 0 && (
                    <span className="tag tag-accent">
                      {piece.checkedTypes.length === piece.authTypes.length
                        ? 'Checked on connect'
                        : `${[...new Set(piece.checkedTypes.map(authLabel))].join(', ')} checked on connect`}
                    </span>
                  )}
                </p>
              </div>
              <button type="button" className="button" aria-label={`Connect ${piece.displayName}`} onClick={() => onConnect(piece)}>
                Connect
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
