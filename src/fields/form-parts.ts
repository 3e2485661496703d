import { createContext, useContext, type ReactNode } from 'react';

/**
 * Every part of the form, as its `data-slot` attribute names it and as `classNames` keys it:
 * one kebab-case vocabulary (shadcn's convention for `data-slot`). The table in the README
 * ("Theming", parts) says which element each one is.
 *
 * @example
 * ```tsx
 * const classNames: Partial<Record<ConnectionFormPart, string>> = { input: 'h-9 rounded-md border', error: 'text-destructive' };
 * // and in CSS: [data-slot="select-content"] { ... }
 * ```
 */
export type ConnectionFormPart =
  | 'root'
  | 'definition-error'
  | 'definition-error-title'
  | 'method-picker'
  | 'grant-picker'
  | 'picker-legend'
  | 'picker-option'
  | 'radio'
  | 'picker-label'
  | 'picker-hint'
  | 'form'
  | 'description'
  | 'redirect-url'
  | 'redirect-url-value'
  | 'copy-button'
  | 'fields'
  | 'field'
  | 'label'
  | 'input'
  | 'textarea'
  | 'input-group'
  | 'reveal-button'
  | 'saved-secret'
  | 'select-trigger'
  | 'select-value'
  | 'select-icon'
  | 'select-content'
  | 'select-viewport'
  | 'select-item'
  | 'select-item-indicator'
  | 'choice-group'
  | 'checkbox-row'
  | 'checkbox'
  | 'checkbox-control'
  | 'checkbox-indicator'
  | 'checkbox-label'
  | 'field-description'
  | 'error'
  | 'note'
  | 'unsupported'
  | 'actions'
  | 'submit-button'
  | 'cancel-button'
  | 'open-in-new-tab-button'
  | 'status'
  | 'status-icon';

/**
 * Extra classes per part of the form, added after the kit's own `ck-*` class (never instead of
 * it). The dropdown's listbox (`select-content`) gets its class too, though it renders in a
 * portal outside the form.
 *
 * @example
 * ```tsx
 * <ConnectionForm auth={auth} onConnect={save} classNames={{ 'submit-button': 'btn btn-primary', label: 'text-sm font-medium' }} />
 * ```
 */
export type ConnectionFormClassNames = Partial<Record<ConnectionFormPart, string | undefined>>;

/**
 * Glyphs the form draws, each replaceable with any React node (an SVG icon of your set). They
 * are decorative: the kit renders them inside an `aria-hidden` element.
 *
 * @example
 * ```tsx
 * import { Check, ChevronDown } from 'lucide-react';
 * <ConnectionForm auth={auth} onConnect={save} icons={{ chevron: <ChevronDown size={16} />, check: <Check size={16} /> }} />
 * ```
 */
export interface ConnectionFormIcons {
  /** The dropdown trigger's arrow. Default `▾`. */
  chevron?: ReactNode | undefined;
  /** Marks the chosen option in an open dropdown. Default: a `✓` the default stylesheet draws (CSS, not text). */
  check?: ReactNode | undefined;
  /**
   * The mark of a checked checkbox. None by default: the browser draws its native checkbox. When
   * given, each checkbox is wrapped with an element holding this icon (`checkbox-indicator`) and
   * the default theme draws the box itself (`appearance: none`), showing the icon when checked.
   */
  checkbox?: ReactNode | undefined;
}

interface FormParts {
  classNames?: ConnectionFormClassNames | undefined;
  icons?: ConnectionFormIcons | undefined;
}

/**
 * What `<ConnectionForm classNames icons>` gives the parts below it. A form of your own markup
 * (`connection-kit/headless`) provides it around its `FieldRow`s to style theirs the same way.
 *
 * @example
 * ```tsx
 * const parts = { classNames: { input: 'my-input' }, icons: { chevron: <ChevronDown /> } }; // a module constant
 * <FormPartsContext.Provider value={parts}>
 *   {cf.fields.map((field) => <FieldRow key={field.name} field={field} control={cf.control} messages={cf.messages} />)}
 * </FormPartsContext.Provider>
 * ```
 */
export const FormPartsContext = createContext<FormParts>({});

/** The attributes of one part: its `data-slot` and its classes, the kit's first. */
export type PartProps = { 'data-slot': ConnectionFormPart; className: string | undefined };

/**
 * `part(name, kitClass)` for the parts of a component, and the icons, from the nearest form.
 * `kitClass` defaults to `ck-<name>`.
 *
 * @example
 * ```tsx
 * const { part } = useFormParts();
 * return <p {...part('error')}>{message}</p>; // data-slot="error" class="ck-error"
 * ```
 */
export function useFormParts() {
  const { classNames, icons } = useContext(FormPartsContext);
  return { part: partsWith(classNames), icons: icons ?? {} };
}

/** `part(name, kitClass)` with the host's `classNames`; the kit's class is ck-<part> unless the part had another (or none: ''). */
export const partsWith =
  (classNames: ConnectionFormClassNames | undefined) =>
  (name: ConnectionFormPart, kitClass = `ck-${name}`): PartProps => ({
    'data-slot': name,
    className: `${kitClass} ${classNames?.[name] ?? ''}`.trim() || undefined,
  });
