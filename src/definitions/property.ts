import { MarkdownVariant, PropertyType } from './property-type';
import type {
  CheckboxProperty,
  DropdownState,
  LongTextProperty,
  MarkDownProperty,
  NumberProperty,
  ShortTextProperty,
  StaticDropdownProperty,
  StaticMultiSelectDropdownProperty,
} from './property-types';

import { build } from './build';
import type { Req } from './req';

type Request<P> = Omit<P, 'valueSchema' | 'type'>;

/** The arguments of `Property.StaticDropdown` / `StaticMultiSelectDropdown`. */
type DropdownRequest<T, R extends boolean, D> = {
  displayName: string;
  description?: string | undefined;
  required: R;
  options: DropdownState<T>;
  defaultValue?: D | undefined;
};

/**
 * Builders for the properties an auth definition can contain, with the same arguments and the
 * same runtime shape as `Property` from `@activepieces/pieces-framework`.
 *
 * @example
 * ```ts
 * const region = Property.StaticDropdown({
 *   displayName: 'Region',
 *   required: true,
 *   options: { options: [{ label: 'EU', value: 'eu' }, { label: 'US', value: 'us' }] },
 * });
 * // typeof region.valueSchema is 'eu' | 'us'
 * ```
 */
export const Property = {
  /** A single-line text input. */
  ShortText<R extends boolean>(request: Request<ShortTextProperty<R>>): ShortTextProperty<Req<R>> {
    return build(request, PropertyType.SHORT_TEXT);
  },
  /** A multi-line text input. */
  LongText<R extends boolean>(request: Request<LongTextProperty<R>>): LongTextProperty<Req<R>> {
    return build(request, PropertyType.LONG_TEXT);
  },
  /** A number input; the value is a `number`. */
  Number<R extends boolean>(request: Request<NumberProperty<R>>): NumberProperty<Req<R>> {
    return build(request, PropertyType.NUMBER);
  },
  /** A checkbox; the value is a `boolean`. */
  Checkbox<R extends boolean>(request: Request<CheckboxProperty<R>>): CheckboxProperty<Req<R>> {
    return build(request, PropertyType.CHECKBOX);
  },
  /** A single choice; the value type is the union of the options' values. */
  StaticDropdown<const T, R extends boolean>(request: DropdownRequest<T, R, NoInfer<T>>): StaticDropdownProperty<T, Req<R>> {
    return build(request, PropertyType.STATIC_DROPDOWN);
  },
  /** Several choices; the value is an array of the options' values. */
  StaticMultiSelectDropdown<const T, R extends boolean>(
    request: DropdownRequest<T, R, NoInfer<T>[]>,
  ): StaticMultiSelectDropdownProperty<T, Req<R>> {
    return build(request, PropertyType.STATIC_MULTI_SELECT_DROPDOWN);
  },
  /**
   * A read-only note. As in Activepieces, the markdown goes in `value` and ends up in
   * `description`; the display name is fixed to `'Markdown'`.
   */
  MarkDown(request: { value: string; variant?: MarkdownVariant | undefined }): MarkDownProperty {
    return {
      displayName: 'Markdown',
      required: false,
      description: request.value,
      type: PropertyType.MARKDOWN,
      valueSchema: undefined,
      variant: request.variant ?? MarkdownVariant.INFO,
    };
  },
};
