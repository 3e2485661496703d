// The pieces' logos live on Activepieces' CDN, which an offline demo can't reach (and a CSP of
// 'self' would refuse): a monogram in a colour derived from the name stands in.
export function PieceAvatar({ name }: { name: string }) {
  const initials = name
    .split(/[\s-]+/)
    .map((word) => word[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return (
    <span className="avatar" aria-hidden="true" style={{ '--avatar-hue': hash } as React.CSSProperties}>
      {initials}
    </span>
  );
}
