import { Markdown } from '../markdown/markdown';
import type { FieldWidgetProps } from './field-widget-props';

/** MarkDown: a read-only note; `data-variant` (INFO, WARNING, TIP, BORDERLESS) drives its style. */
export function MarkdownNote({ field }: FieldWidgetProps<'MARKDOWN'>) {
  const { variant } = field;
  return (
    <div className="ck-note" role="note" data-variant={variant}>
      <Markdown source={field.description ?? ''} />
    </div>
  );
}
