/**
 * The form's own fields, which are not props of the definition: their react-hook-form names,
 * defined once. The `__` prefix keeps them apart from prop keys, which `fieldNames` in
 * field-model.ts never maps to a `__` name of these.
 */
export const KIT_FIELD_NAMES = {
  client_id: '__client_id',
  client_secret: '__client_secret',
  display_name: '__display_name',
} as const;

/** Which of the kit's own fields a field is (see `FieldModel.internal`). */
export type KitField = keyof typeof KIT_FIELD_NAMES;
