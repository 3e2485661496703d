import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FieldErrors } from 'react-hook-form';

/**
 * Each field's error message, fed by ONE react-hook-form subscription per form and read per
 * field name, so that a submit re-renders only the rows whose message changed. (One
 * `useFormState` per row costs O(rows) per subscriber on every errors broadcast: O(rows²).)
 * `useConnectionForm` returns one as `errorStore`; give it to the rows with
 * {@link FieldErrorStoreContext}.
 *
 * @example
 * ```ts
 * const stop = cf.errorStore.subscribe('api_key', () => console.log(cf.errorStore.get('api_key')));
 * ```
 */
export interface FieldErrorStore {
  get(name: string): string | undefined;
  subscribe(name: string, listener: () => void): () => void;
  set(errors: FieldErrors | undefined): void;
}

export function createFieldErrorStore(): FieldErrorStore {
  let messages = new Map<string, string>();
  const listeners = new Map<string, Set<() => void>>();
  return {
    get: (name) => messages.get(name),
    subscribe(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
    set(errors) {
      const next = new Map<string, string>();
      for (const [name, error] of Object.entries(errors ?? {})) {
        if (typeof error?.message === 'string') next.set(name, error.message);
      }
      const previous = messages;
      messages = next;
      for (const name of new Set([...previous.keys(), ...next.keys()])) {
        if (previous.get(name) !== next.get(name)) for (const l of listeners.get(name) ?? []) l();
      }
    },
  };
}

/**
 * Where every {@link FieldRow} below reads its error from: `cf.errorStore` of
 * `useConnectionForm`. Optional; without it each row subscribes to the form's errors itself.
 *
 * @example
 * ```tsx
 * <FieldErrorStoreContext.Provider value={cf.errorStore}>
 *   {cf.fields.map((f) => <FieldRow key={f.name} field={f} control={cf.control} messages={cf.messages} />)}
 * </FieldErrorStoreContext.Provider>
 * ```
 */
export const FieldErrorStoreContext = createContext<FieldErrorStore | undefined>(undefined);

export function useFieldErrorStore() {
  return useContext(FieldErrorStoreContext);
}

/** The field's message from the store. */
export function useStoredFieldError(store: FieldErrorStore, name: string): string | undefined {
  const get = () => store.get(name);
  return useSyncExternalStore((listener) => store.subscribe(name, listener), get, get);
}
