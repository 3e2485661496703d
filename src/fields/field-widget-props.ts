import type { Control } from 'react-hook-form';
import type { Messages } from '../messages/messages';
import type { FieldModel } from '../schema/field-model';
import type { FormValues } from '../schema/form-schema';

/** What every field widget receives from its row. */
export interface FieldWidgetProps {
  field: FieldModel;
  control: Control<FormValues>;
  /** The control's `id`; its label points here. */
  id: string;
  /** Ids of the help text and the error message, for `aria-describedby`. */
  describedBy?: string;
  invalid: boolean;
  messages: Messages;
}
