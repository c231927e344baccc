/** An error's message, for a log line or a report; anything else as text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error's stack when it has one, for errors nobody expected. */
export function describeErrorWithStack(error: unknown): string {
  return error instanceof Error
    ? (error.stack ?? error.message)
    : String(error);
}
