/**
 * `connection-kit/headless`: the building blocks of `<ConnectionForm>`, for a host that renders
 * the form in its own markup. `useConnectionForm` holds the state and the submit (validation,
 * the OAuth2 popup, the emitted value); `FieldRow` renders one field with its label, help and
 * error; `describeFields`, `createFormSchema` and `getDefaultFormValues` are the pure steps the
 * hook runs, for a host that drives react-hook-form itself.
 *
 * @example
 * ```tsx
 * import { FieldErrorStoreContext, FieldRow, useConnectionForm } from 'connection-kit/headless';
 *
 * function MyForm() {
 *   const cf = useConnectionForm(awsAuth, { onConnect: save });
 *   return (
 *     <form onSubmit={cf.submit} noValidate>
 *       <FieldErrorStoreContext.Provider value={cf.errorStore}>
 *         {cf.fields.map((field) => (
 *           <FieldRow key={field.name} field={field} control={cf.control} messages={cf.messages} />
 *         ))}
 *       </FieldErrorStoreContext.Provider>
 *       <button aria-disabled={cf.busy}>Connect</button>
 *     </form>
 *   );
 * }
 * ```
 */
export { useConnectionForm } from './connection-form/use-connection-form';
export type { ConnectionFormState, OAuth2Grant } from './connection-form/use-connection-form';
export { FieldRow } from './fields/field-row';
export type { FieldRowProps } from './fields/field-row';
export { FieldErrorStoreContext } from './fields/field-error-store';
export type { FieldErrorStore } from './fields/field-error-store';
// What <ConnectionForm classNames icons> provides, for FieldRow in a host's own markup.
export { FormPartsContext } from './fields/form-parts';
export { FIELD_WIDGETS } from './fields/field-widgets';
export { describeFields } from './schema/auth-kinds';
export type { FieldModel, FieldModelOf, FieldType } from './schema/field-model';
export { createFormSchema, getDefaultFormValues } from './schema/form-schema';
export type { FormValues } from './schema/form-schema';
