import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { type Resolver, type UseFormReturn, useForm } from 'react-hook-form';
import type { AuthDefinition } from '../definitions/auth-types';
import type { Messages } from '../messages/messages';
import { type AuthModel, type AuthModelOptions, buildAuthModel } from '../schema/auth-model';
import type { FormValues } from '../schema/form-schema';
import { withBadNumberInput } from './with-bad-number-input';

/** What shapes the model of one method besides its definition (see `useConnectionForm`). */
export type ModelOptionsOf = (index: number, auth: AuthDefinition | undefined, withClientFields: boolean) => AuthModelOptions;

/** What a model is built from: a model built ahead for the same inputs is the one to use. */
type ModelInputs = [AuthDefinition | undefined, number, boolean, Messages, ModelOptionsOf];

/**
 * The model of the selected method, its react-hook-form form, and `switchTo` for a method
 * switch. A switch builds the next model once and resets the form once, in the event, so the
 * next render already has the right values (a controlled Radix Select must never see
 * `undefined`); a grant change that adds or drops the client fields keeps what stays.
 */
export function useFormModel(
  current: AuthDefinition | undefined,
  index: number,
  withClientFields: boolean,
  messages: Messages,
  optionsOf: ModelOptionsOf,
) {
  // A model a method switch built ahead, for the render that follows, with what it was built from.
  const prebuilt = useRef<{ inputs: ModelInputs; model: AuthModel } | undefined>(undefined);
  const model = useMemo(() => {
    const inputs: ModelInputs = [current, index, withClientFields, messages, optionsOf];
    const ahead = prebuilt.current;
    return ahead?.inputs.every((input, i) => input === inputs[i])
      ? ahead.model
      : buildAuthModel(current, messages, optionsOf(index, current, withClientFields));
  }, [current, index, withClientFields, messages, optionsOf]);

  const resolver = useMemo(() => {
    // The schema (and so the resolver) is built when validation first needs it, not at mount.
    let resolve: Resolver<FormValues> | undefined;
    const lazy: Resolver<FormValues> = (values, context, options) => {
      resolve ??= zodResolver(model.schema) as unknown as Resolver<FormValues>;
      return resolve(values, context, options);
    };
    return withBadNumberInput(lazy, model.fields, messages);
  }, [model, messages]);
  // react-hook-form's defaults are the behaviour wanted, so they are not repeated here (each
  // option name would ship to every host): validate on submit, then again on each change, and
  // focus the first invalid field.
  const form: UseFormReturn<FormValues> = useForm<FormValues>({ defaultValues: model.defaultValues, resolver });

  // The model the form's values were last reset for: a model change after mount (the grant added
  // or dropped the client fields) keeps the values of the fields that stay. Not on mount: a reset
  // then re-renders every row for nothing.
  const resetFor = useRef(model);
  useEffect(() => {
    if (resetFor.current === model) return;
    resetFor.current = model;
    const values = form.getValues();
    // keepFieldsRef: the mounted inputs stay registered (no re-render needed to re-register them).
    form.reset({ ...model.defaultValues, ...values }, { keepErrors: false, keepFieldsRef: true });
  }, [model, form]);

  // Build the schema once the browser is idle after mount, so neither the first paint nor the
  // first submit pays for it.
  useEffect(() => {
    const warm = () => void model.schema;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(warm, { timeout: 1_000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(warm, 50);
    return () => clearTimeout(timer);
  }, [model]);

  /** Switches to method `next` (at `nextIndex`): its model, and the values typed there before. */
  const switchTo = useCallback(
    (nextIndex: number, next: AuthDefinition | undefined, nextWithClientFields: boolean, values: FormValues | undefined) => {
      const built = buildAuthModel(next, messages, optionsOf(nextIndex, next, nextWithClientFields));
      prebuilt.current = { inputs: [next, nextIndex, nextWithClientFields, messages, optionsOf], model: built };
      resetFor.current = built;
      form.reset(values ?? built.defaultValues);
    },
    [messages, optionsOf, form],
  );

  return { model, form, switchTo };
}
