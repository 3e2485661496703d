/** A failure the CLI reports as `what` and `fix` (never a stack trace), then exits non-zero. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
