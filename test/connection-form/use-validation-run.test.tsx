// The validation run (src/connection-form/use-validation-run.ts) on its own: validate, then
// onConnect, one run at a time, only the latest run may change the status or emit.
import { act, renderHook, waitFor } from '@testing-library/react';
import { type RunOptions, useValidationRun } from '../../src/connection-form/use-validation-run';
import { defaultMessages } from '../../src/messages/messages';
import { deferred } from './render-form';

function setup(overrides: Partial<RunOptions> = {}) {
  const onConnect = vi.fn();
  const options: RunOptions = {
    hostValidator: undefined,
    definitionValidator: undefined,
    onConnect,
    server: { apiUrl: 'https://api.example.com', publicUrl: 'https://app.example.com' },
    timeoutMs: 30_000,
    messages: defaultMessages,
    ...overrides,
  };
  const hook = renderHook(() => useValidationRun(options));
  return { ...hook, onConnect };
}

const INPUT = { validateAuth: 'sk-secret-1', value: { type: 'SECRET_TEXT', secret_text: 'sk-secret-1' }, secrets: ['sk-secret-1'] };

describe('useValidationRun', () => {
  it('runs the definition validator with the auth, the value, the server context and a signal, then emits', async () => {
    const validator = vi.fn(() => ({ valid: true }) as const);
    const { result, onConnect } = setup({ definitionValidator: validator });
    await act(() => result.current.start({ ...INPUT, details: { displayName: 'Mine' } }));
    expect(validator).toHaveBeenCalledWith({
      auth: 'sk-secret-1',
      value: INPUT.value,
      server: { apiUrl: 'https://api.example.com', publicUrl: 'https://app.example.com' },
      signal: expect.any(AbortSignal),
    });
    expect(onConnect).toHaveBeenCalledWith(INPUT.value, { displayName: 'Mine' });
    expect(result.current.status).toEqual({ state: 'connected', message: defaultMessages.connected });
  });

  it('skips the definition validator when there is no auth to give it, but never the host’s', async () => {
    const definition = vi.fn(() => ({ valid: true }) as const);
    const { result, onConnect } = setup({ definitionValidator: definition });
    await act(() => result.current.start({ ...INPUT, validateAuth: undefined }));
    expect(definition).not.toHaveBeenCalled();
    expect(onConnect).toHaveBeenCalledTimes(1);

    const host = vi.fn(() => ({ valid: true }) as const);
    const second = setup({ hostValidator: host, definitionValidator: definition });
    await act(() => second.result.current.start({ ...INPUT, validateAuth: undefined }));
    expect(host).toHaveBeenCalledTimes(1);
    expect(definition).not.toHaveBeenCalled();
  });

  it('shows a rejection with the secrets scrubbed, and does not emit', async () => {
    const { result, onConnect } = setup({ hostValidator: () => ({ valid: false, error: 'key sk-secret-1 is revoked' }) });
    await act(() => result.current.start(INPUT));
    expect(result.current.status.state).toBe('invalid');
    expect(result.current.status.message).toContain('revoked');
    expect(result.current.status.message).not.toContain('sk-secret-1');
    expect(onConnect).not.toHaveBeenCalled();
  });

  it('names a result that is not { valid } and a throwing validate as such', async () => {
    const bad = setup({ hostValidator: () => 'yes' as never });
    await act(() => bad.result.current.start(INPUT));
    expect(bad.result.current.status).toEqual({ state: 'error', message: defaultMessages.validateBadResult });

    const throwing = setup({
      hostValidator: () => {
        throw new Error('network down for sk-secret-1');
      },
    });
    await act(() => throwing.result.current.start(INPUT));
    expect(throwing.result.current.status.state).toBe('error');
    expect(throwing.result.current.status.message).toContain('network down');
    expect(throwing.result.current.status.message).not.toContain('sk-secret-1');
  });

  it('reports a save that failed in onConnect, scrubbed', async () => {
    const { result } = setup({
      onConnect: () => {
        throw new Error('db refused sk-secret-1');
      },
    });
    await act(() => result.current.start(INPUT));
    expect(result.current.status.state).toBe('error');
    expect(result.current.status.message).not.toContain('sk-secret-1');
  });

  it('times out a validate that never answers, aborting its signal', async () => {
    vi.useFakeTimers();
    try {
      let signal: AbortSignal | undefined;
      const { result, onConnect } = setup({
        timeoutMs: 1_000,
        hostValidator: (params) => {
          signal = params.signal;
          return new Promise(() => {});
        },
      });
      let run: Promise<void> | undefined;
      act(() => {
        run = result.current.start(INPUT);
      });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1_000);
        await run;
      });
      expect(result.current.status).toEqual({ state: 'timeout', message: defaultMessages.validateTimeout });
      expect(signal?.aborted).toBe(true);
      expect(onConnect).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a second start while one runs, and a cancelled run neither emits nor changes the status', async () => {
    const pending = deferred<{ valid: true }>();
    const validator = vi.fn((_: { signal: AbortSignal }) => pending.promise);
    const { result, onConnect } = setup({ hostValidator: validator });
    let first: Promise<void> | undefined;
    act(() => {
      first = result.current.start(INPUT);
    });
    expect(result.current.isRunning()).toBe(true);
    expect(result.current.status.state).toBe('validating');
    await act(() => result.current.start(INPUT));
    expect(validator).toHaveBeenCalledTimes(1);

    act(() => result.current.cancel());
    expect(result.current.status).toEqual({ state: 'idle', message: '' });
    expect(validator.mock.calls[0]![0].signal.aborted).toBe(true);
    await act(async () => {
      pending.resolve({ valid: true });
      await first;
    });
    expect(onConnect).not.toHaveBeenCalled();
    expect(result.current.status).toEqual({ state: 'idle', message: '' });
    expect(result.current.isRunning()).toBe(false);
  });

  it('aborts the running validate on unmount', async () => {
    const validator = vi.fn((_: { signal: AbortSignal }) => new Promise<never>(() => {}));
    const { result, unmount } = setup({ hostValidator: validator as never });
    act(() => void result.current.start(INPUT));
    await waitFor(() => expect(validator).toHaveBeenCalledTimes(1));
    expect(validator.mock.calls[0]![0].signal.aborted).toBe(false);
    unmount();
    expect(validator.mock.calls[0]![0].signal.aborted).toBe(true);
  });

  it('counts fixable field errors and names the fields the form cannot fill', () => {
    const { result } = setup();
    const base = { required: true, property: {} };
    act(() =>
      result.current.reportFieldErrors({ host: { type: 'required' }, payload: { type: 'required' } }, [
        { ...base, name: 'host', key: 'host', label: 'HOST', type: 'SHORT_TEXT' },
        { ...base, name: 'payload', key: 'payload', label: 'PAYLOAD', type: 'UNSUPPORTED', rawType: 'JSON' },
      ]),
    );
    expect(result.current.status).toEqual({
      state: 'fields-invalid',
      message: `${defaultMessages.fixErrors(1)} ${defaultMessages.cannotFill('PAYLOAD')}`,
    });
  });
});
