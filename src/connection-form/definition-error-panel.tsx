import type { AuthDefinition } from '../definitions/auth-types';
import type { Messages } from '../messages/messages';

const AUTH_TYPES = ['SECRET_TEXT', 'BASIC_AUTH', 'CUSTOM_AUTH', 'OAUTH2'];

/**
 * The first problem that keeps a definition from rendering at all, or undefined. Problems inside
 * a renderable definition (an unknown prop type, say) show at the field instead.
 */
export function findDefinitionProblem(methods: readonly unknown[]): string | undefined {
  for (const [index, method] of methods.entries()) {
    const where = methods.length > 1 ? `auth[${index}]` : 'auth';
    if (method === undefined) continue;
    if (typeof method !== 'object' || method === null) return `${where} must be an auth definition object, got ${method === null ? 'null' : typeof method}.`;
    const type = (method as { type?: unknown }).type;
    if (!AUTH_TYPES.includes(type as string)) {
      return `${where}.type is ${JSON.stringify(type)}; expected one of ${AUTH_TYPES.join(', ')} (build it with PieceAuth.*).`;
    }
    const props = (method as AuthDefinition & { props?: unknown }).props;
    if (props !== undefined && (typeof props !== 'object' || props === null || Array.isArray(props))) {
      return `${where}.props must be an object mapping keys to properties.`;
    }
  }
  return undefined;
}

/** Shown instead of the form when the definition cannot be rendered: never a blank area. */
export function DefinitionErrorPanel({ problem, messages }: { problem: string; messages: Messages }) {
  return (
    <div className="ck-definition-error" role="alert">
      <p className="ck-definition-error-title">{messages.brokenDefinition}</p>
      <p>{problem}</p>
    </div>
  );
}
