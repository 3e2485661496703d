import * as Select from '@radix-ui/react-select';
import { useCallback, useContext, useRef, useState } from 'react';
import type { FieldWidgetProps } from './field-widget-props';
import { PortalContainerContext } from './portal-container';
import { useFormParts } from './form-parts';

// Radix reserves '' for "no value", so the optional "None" item needs a value of its own.
const NONE = '__ck_none__';

/**
 * The theme the form around `el` is in: "dark" when any element above it has
 * data-theme="dark" or the class `dark` (shadcn's and Tailwind's convention), as the
 * stylesheet's `[data-theme="dark"] .ck-root, .dark .ck-root` decides; else the nearest
 * `data-theme` (`system`, or a host's own theme name), else none.
 */
function themeAround(el: Element | null): string | undefined {
  if (el?.closest('[data-theme="dark"], .dark')) return 'dark';
  return el?.closest('[data-theme]')?.getAttribute('data-theme') ?? undefined;
}

/**
 * StaticDropdown: a Radix Select (ARIA combobox + listbox). Items are keyed by option index
 * because real definitions repeat values and use numbers, booleans or objects as values.
 *
 * The listbox renders in a portal on <body>, so that no clipping or stacking context of the
 * host's page (a transformed dialog, an `overflow: hidden` card) can cut it off; inside a
 * `<dialog>` it goes into the dialog instead (see PortalContainerContext). It may be outside the
 * form's theme there, so on opening it takes the form's `data-theme` (see themeAround), which
 * the stylesheet matches as `.ck-select-content[data-theme="dark"]`. Escape closes it and goes no
 * further: a host's modal must not close with it.
 */
export function StaticDropdownField({ field, input, label, id, describedBy, invalid, messages }: FieldWidgetProps<'STATIC_DROPDOWN'>) {
  const { options, placeholder, disabled } = field;
  const empty = options.length === 0;
  const trigger = useRef<HTMLButtonElement | null>(null);
  const inputRef = input.ref;
  const triggerRef = useCallback(
    (el: HTMLButtonElement | null) => {
      trigger.current = el;
      inputRef(el);
    },
    [inputRef],
  );
  // Read when opening (there is no DOM during render), in the same update that opens it.
  const [theme, setTheme] = useState<string | undefined>(undefined);
  const hostContainer = useContext(PortalContainerContext);
  const [container, setContainer] = useState<HTMLElement | undefined>(undefined);
  const { part, icons } = useFormParts();
  const onOpenChange = (open: boolean) => {
    if (!open) return;
    setTheme(themeAround(trigger.current));
    setContainer(hostContainer ?? trigger.current?.closest('dialog') ?? undefined);
  };
  // Empty by default: the default theme draws its ✓ in CSS, so an option's text stays its label.
  const indicator = <Select.ItemIndicator {...part('select-item-indicator')}>{icons.check}</Select.ItemIndicator>;
  return (
    <>
      {label}
      <Select.Root
        value={input.index < 0 ? '' : String(input.index)}
        onValueChange={(v) => input.onIndexChange(v === NONE ? -1 : Number(v))}
        onOpenChange={onOpenChange}
        disabled={disabled === true || empty}
      >
        <Select.Trigger
          id={id}
          ref={triggerRef}
          onBlur={input.onBlur}
          {...part('select-trigger', 'ck-input ck-select-trigger')}
          aria-required={field.required || undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        >
          {/* Radix drops a className given to Select.Value: the part is a span around it. */}
          <span {...part('select-value')}>
            <Select.Value placeholder={empty ? messages.noOptions : placeholder || messages.selectPlaceholder} />
          </span>
          <Select.Icon {...part('select-icon')} aria-hidden="true">
            {icons.chevron ?? '▾'}
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal container={container}>
          <Select.Content
            {...part('select-content')}
            position="popper"
            sideOffset={4}
            data-theme={theme}
            // Radix closes the listbox on this Escape (and prevents the native dialog's own close);
            // stopping it here keeps it from the host's keydown handlers, e.g. a modal's.
            onEscapeKeyDown={(event) => event.stopPropagation()}
          >
            <Select.Viewport {...part('select-viewport')}>
              {!field.required && (
                <Select.Item {...part('select-item')} value={NONE}>
                  {indicator}
                  <Select.ItemText>{messages.none}</Select.ItemText>
                </Select.Item>
              )}
              {options.map((option, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is the option's identity here (its value may be any JSON).
                <Select.Item {...part('select-item')} key={index} value={String(index)}>
                  {indicator}
                  <Select.ItemText>{String(option.label)}</Select.ItemText>
                </Select.Item>
              ))}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
    </>
  );
}
