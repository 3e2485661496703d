import { Markdown } from '../markdown/markdown';
import type { FieldWidgetProps } from './field-widget-props';
import { useFormParts } from './form-parts';

/** MarkDown: a read-only note; `data-variant` (INFO, WARNING, TIP, BORDERLESS) drives its style. */
export function MarkdownNote({ field }: FieldWidgetProps<'MARKDOWN'>) {
  const { variant } = field;
  return (
    <div {...useFormParts().part('note')} role="note" data-variant={variant}>
      <Markdown source={field.description ?? ''} />
    </div>
  );
}
