/**
 * The floor: the same form written by hand the idiomatic way with react-hook-form, zod/mini and
 * Radix Select. Uncontrolled `register` for inputs, a `Controller` for the select, one schema
 * built outside render, errors read from `formState` in the form component.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import * as Select from '@radix-ui/react-select';
import { Controller, useForm, type FieldErrors, type Resolver, type UseFormRegister } from 'react-hook-form';
import * as z from 'zod/mini';
import { benchFields, noopValidate, REGIONS } from '../../forms';
import './styles.css';

type Values = Record<string, unknown>;

const optionalText = z.pipe(
  z.string(),
  z.transform((v) => (v.trim() === '' ? undefined : v)),
);

function benchSchema(extraKeys: string[]) {
  return z.object({
    host: z.string().check(z.refine((v) => v.trim() !== '', 'Host is required.')),
    apiKey: z.string().check(z.refine((v) => v.trim() !== '', 'API key is required.')),
    region: z.string().check(z.minLength(1, 'Choose a region.')),
    useTls: z.boolean(),
    port: z.pipe(
      z.string().check(z.refine((v) => v.trim() === '' || Number.isFinite(Number(v)), 'Port must be a number.')),
      z.transform((v) => (v.trim() === '' ? undefined : Number(v))),
    ),
    notes: optionalText,
    ...Object.fromEntries(extraKeys.map((key) => [key, optionalText])),
  });
}

function withoutEmpty(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

function TextRow(props: {
  name: string;
  label: string;
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
  required?: boolean;
  description?: string;
  type?: 'text' | 'password' | 'number';
}) {
  const { name, label, register, errors, required, description, type = 'text' } = props;
  const error = errors[name]?.message as string | undefined;
  const describedBy = [description && `${name}-help`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        type={type}
        {...register(name)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={type === 'password' ? 'new-password' : undefined}
      />
      {description && (
        <p id={`${name}-help`} className="help">
          {description}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="error">
          {error}
        </p>
      )}
    </div>
  );
}

// Built once per page, outside render.
interface Setup {
  extra: number;
  keys: string[];
  resolver: Resolver<Values>;
  defaults: Values;
}
let cached: Setup | undefined;

function setup(extra: number): Setup {
  if (cached?.extra === extra) return cached;
  const keys = benchFields(extra)
    .slice(6)
    .map((f) => f.key);
  const defaults: Values = { host: '', apiKey: '', region: '', useTls: false, port: '', notes: '' };
  for (const key of keys) defaults[key] = '';
  // The schema's input and output types differ (port: string in, number out); the form is untyped here.
  const resolver = zodResolver(benchSchema(keys)) as unknown as Resolver<Values>;
  cached = { extra, keys, resolver, defaults };
  return cached;
}

export function BenchForm({ extra, onValue }: { extra: number; onValue: (value: unknown) => void }) {
  const { keys, resolver, defaults } = setup(extra);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<Values>({ resolver, defaultValues: defaults });

  const onSubmit = handleSubmit(async (values) => {
    const props = withoutEmpty(values);
    const result = await noopValidate(props);
    if (result.valid) onValue({ type: 'CUSTOM_AUTH', props });
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <p className="help">Connect to your database.</p>
      <div className="fields">
        <TextRow
          name="host"
          label="Host"
          register={register}
          errors={errors}
          required
          description="The server name, for example db.example.com."
        />
        <TextRow
          name="apiKey"
          label="API key"
          type="password"
          register={register}
          errors={errors}
          required
          description="Create one under Settings, API keys."
        />
        <div className="field">
          <label htmlFor="region">Region</label>
          <Controller
            name="region"
            control={control}
            render={({ field, fieldState }) => (
              <Select.Root value={field.value as string} onValueChange={field.onChange}>
                <Select.Trigger
                  id="region"
                  ref={field.ref}
                  onBlur={field.onBlur}
                  className="select-trigger"
                  aria-required
                  aria-invalid={fieldState.invalid || undefined}
                  aria-describedby={fieldState.error ? 'region-error' : undefined}
                >
                  <Select.Value placeholder="Select an option" />
                  <Select.Icon aria-hidden>▾</Select.Icon>
                </Select.Trigger>
                <Select.Portal>
                  <Select.Content className="select-content" position="popper" sideOffset={4}>
                    <Select.Viewport>
                      {REGIONS.map((region) => (
                        <Select.Item key={region.value} value={region.value} className="select-item">
                          <Select.ItemText>{region.label}</Select.ItemText>
                        </Select.Item>
                      ))}
                    </Select.Viewport>
                  </Select.Content>
                </Select.Portal>
              </Select.Root>
            )}
          />
          {errors.region && (
            <p id="region-error" className="error">
              {errors.region.message as string}
            </p>
          )}
        </div>
        <div className="field checkbox">
          <input id="useTls" type="checkbox" {...register('useTls')} />
          <label htmlFor="useTls">Use TLS</label>
        </div>
        <TextRow name="port" label="Port" type="number" register={register} errors={errors} />
        <div className="field">
          <label htmlFor="notes">Notes</label>
          <textarea id="notes" rows={4} {...register('notes')} />
        </div>
        {keys.map((key: string, i: number) => (
          <TextRow key={key} name={key} label={`Field ${i + 1}`} register={register} errors={errors} />
        ))}
      </div>
      <button type="submit">Connect</button>
    </form>
  );
}
