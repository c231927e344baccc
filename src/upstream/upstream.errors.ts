export type UpstreamErrorKind =
  'timeout' | 'network' | 'http' | 'payload' | 'circuit_open' | 'auth';

/**
 * Any failure to get a usable answer from the upstream. Messages start with
 * the endpoint ("GET /matches: ...") and never contain the token. The axios
 * error is deliberately not kept as `cause`: its config holds the
 * Authorization header, and whoever logs the cause would leak the token.
 */
export class UpstreamError extends Error {
  override name = 'UpstreamError';

  constructor(
    readonly endpoint: string,
    readonly kind: UpstreamErrorKind,
    detail: string,
    /** HTTP status of the answer at fault, when there was one. */
    public status?: number,
    /** HTTP requests sent for this call before giving up (0: none sent). */
    public attempts = 0,
  ) {
    super(`${endpoint}: ${detail}`);
  }
}

/** The upstream answered, but the body is not what its API promises. */
export class UpstreamPayloadError extends UpstreamError {
  override name = 'UpstreamPayloadError';

  constructor(endpoint: string, detail: string, status?: number) {
    super(endpoint, 'payload', detail, status);
  }
}

/** The upstream refused the token, or kept refusing /goals after a login. */
export class UpstreamAuthError extends UpstreamError {
  override name = 'UpstreamAuthError';

  constructor(endpoint: string, detail: string, status?: number) {
    super(endpoint, 'auth', detail, status);
  }
}

/** Rejected without sending anything because the circuit breaker is open. */
export class UpstreamCircuitOpenError extends UpstreamError {
  override name = 'UpstreamCircuitOpenError';

  constructor(
    endpoint: string,
    readonly retryInMs: number,
  ) {
    super(
      endpoint,
      'circuit_open',
      `circuit open after repeated upstream failures; no request sent ` +
        `(next trial in ${Math.ceil(retryInMs / 1000)} s)`,
    );
  }
}
