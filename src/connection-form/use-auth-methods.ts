import { useCallback, useMemo, useState } from 'react';
import type { AuthDefinition, AuthInput, OAuth2Property } from '../definitions/auth-types';
import type { OAuth2Props } from '../definitions/property-types';
import { translateAuth, type TranslateText } from '../definitions/translate-auth';
import type { Messages } from '../messages/messages';
import { normalizeAuthInput } from '../schema/normalize-auth-input';
import type { OAuth2Grant } from './connection-form-state';
import { findDefinitionProblem } from './definition-error-panel';
import { initialGrant, methodOf } from './method-helpers';
import { methodLabels } from './method-picker';

/**
 * The methods of `auth` (translated), which one is selected and, for OAuth2, the grant in use.
 * A saved connection is read once: it is where the form starts, not something it follows; it
 * belongs to one method (`initialOf`), the others start from their defaults.
 */
export function useAuthMethods(auth: AuthInput, translate: TranslateText | undefined, initialValue: unknown, messages: Messages) {
  // Translated once per definition: every label, option and help text reads the copy.
  const methods = useMemo((): (AuthDefinition | undefined)[] => {
    const list = normalizeAuthInput(auth);
    return translate ? translateAuth(list, translate) : list;
  }, [auth, translate]);
  const problem = useMemo(() => findDefinitionProblem(auth), [auth]);
  const labels = useMemo(() => methodLabels(methods, messages), [methods, messages]);
  const [initial] = useState(() => initialValue);
  const initialMethod = useMemo(() => methodOf(methods, initial), [methods, initial]);
  const initialOf = useCallback((index: number) => (index === initialMethod ? initial : undefined), [initialMethod, initial]);
  const [selected, setSelected] = useState(initialMethod);
  const method = Math.min(selected, methods.length - 1);
  const current: AuthDefinition | undefined = problem ? undefined : methods[method];
  const oauth = current?.type === 'OAUTH2' ? (current as OAuth2Property<OAuth2Props>) : undefined;
  const [grant, setGrant] = useState<OAuth2Grant>(() => initialGrant(current, initial));
  return { methods, problem, labels, initial, initialOf, method, setSelected, current, oauth, grant, setGrant };
}
