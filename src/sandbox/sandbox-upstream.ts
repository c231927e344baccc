import { readFileSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

/** Raw upstream shapes, kept as `unknown` so tests can serve broken data. */
export interface SandboxDataset {
  teams: unknown[];
  players: unknown[];
  matches: unknown[];
  goals: unknown[];
}

export type SandboxOutage = 'none' | 'refuse' | 'http500' | 'hang' | 'reset';

export interface SandboxOverride {
  method?: string;
  /** A string without `?` is compared with the path alone, one with `?`
   * with path and query; a RegExp is tested against path and query. */
  path: string | RegExp;
  status: number;
  body: string;
  contentType?: string;
  /** How many requests the override answers; undefined = all of them. */
  times?: number;
}

export interface SandboxFaults {
  latencyMs: number;
  rateLimitRatio: number;
  retryAfterSeconds: number | null;
  outage: SandboxOutage;
  failAfterRequests: number | null;
  overrides: SandboxOverride[];
}

/** `status` stays 0 for requests that got no HTTP answer (hang, reset). */
export interface SandboxRequestRecord {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface SandboxStartOptions {
  dataset: SandboxDataset | string;
  /** Accepted tokens; undefined = any non-empty token. */
  tokens?: string[];
  host?: string;
  port?: number;
  faults?: Partial<SandboxFaults>;
}

const DATASET_FILES = ['teams', 'players', 'matches', 'goals'] as const;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY_BYTES = 64 * 1024;
const MAX_REASON_LENGTH = 256;
// Float sums such as 1/3 + 1/3 + 1/3 may land a hair below 1.
const RATE_EPSILON = 1e-9;

export function loadSandboxDataset(dir: string): SandboxDataset {
  const [teams, players, matches, goals] = DATASET_FILES.map((name) =>
    readArrayFile(join(dir, `${name}.json`)),
  );
  return { teams, players, matches, goals };
}

function readArrayFile(file: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read sandbox dataset file ${file}: ${describe(error)}`,
    );
  }
  if (!Array.isArray(parsed)) {
    throw new Error(`Sandbox dataset file ${file} must hold a JSON array`);
  }
  return parsed as unknown[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultFaults(): SandboxFaults {
  return {
    latencyMs: 0,
    rateLimitRatio: 0,
    retryAfterSeconds: null,
    outage: 'none',
    failAfterRequests: null,
    overrides: [],
  };
}

function validateFaults(faults: Partial<SandboxFaults>): void {
  const { latencyMs, rateLimitRatio, retryAfterSeconds, failAfterRequests } =
    faults;
  if (latencyMs !== undefined && !(latencyMs >= 0 && isFinite(latencyMs))) {
    throw new RangeError(`latencyMs must be >= 0, got ${latencyMs}`);
  }
  if (
    rateLimitRatio !== undefined &&
    !(rateLimitRatio >= 0 && rateLimitRatio <= 1)
  ) {
    throw new RangeError(
      `rateLimitRatio must be in 0..1, got ${rateLimitRatio}`,
    );
  }
  if (retryAfterSeconds != null && !(retryAfterSeconds >= 0)) {
    throw new RangeError(`retryAfterSeconds must be >= 0 or null`);
  }
  if (failAfterRequests != null && !(failAfterRequests >= 0)) {
    throw new RangeError(`failAfterRequests must be >= 0 or null`);
  }
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function jsonReply(
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
    body: JSON.stringify(payload),
  };
}

function detailReply(
  status: number,
  detail: string,
  headers?: Record<string, string>,
): Reply {
  return jsonReply(status, { detail }, headers);
}

const SERVER_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>' +
  '<body><h1>Internal Server Error</h1></body></html>\n';

function serverErrorReply(): Reply {
  return {
    status: 500,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: SERVER_ERROR_PAGE,
  };
}

function fieldOf(item: unknown, field: string): unknown {
  return typeof item === 'object' && item !== null
    ? (item as Record<string, unknown>)[field]
    : undefined;
}

/** Path ids that are not integers answer 404, like any unknown path. */
function parsePathId(raw: string): number | null {
  return /^-?\d+$/.test(raw) ? Number(raw) : null;
}

function itemReply(items: unknown[], rawId: string, what: string): Reply {
  const id = parsePathId(rawId);
  const item =
    id === null
      ? undefined
      : items.find((entry) => fieldOf(entry, 'id') === id);
  return item === undefined
    ? detailReply(404, `${what} not found`)
    : jsonReply(200, item);
}

function goalsReply(dataset: SandboxDataset, query: URLSearchParams): Reply {
  const raw = query.get('match_id');
  if (raw === null || !/^\d+$/.test(raw)) {
    return detailReply(400, 'match_id must be a non-negative integer');
  }
  const matchId = Number(raw);
  const known = dataset.matches.some(
    (match) => fieldOf(match, 'id') === matchId,
  );
  if (!known) {
    return detailReply(404, 'Match not found');
  }
  return jsonReply(
    200,
    dataset.goals.filter((goal) => fieldOf(goal, 'match') === matchId),
  );
}

/** Returns the reason, or null when the body breaks the upstream's rules. */
function parseLoginReason(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const reason = fieldOf(parsed, 'reason');
  if (typeof reason !== 'string') {
    return null;
  }
  // The upstream counts characters, not UTF-16 code units.
  const length = Array.from(reason).length;
  return length >= 1 && length <= MAX_REASON_LENGTH ? reason : null;
}

type RouteName = 'teams' | 'team' | 'player' | 'matches' | 'goals' | 'login';

interface RouteDefinition {
  name: RouteName;
  method: 'GET' | 'POST';
  pattern: RegExp;
}

const ROUTES: RouteDefinition[] = [
  { name: 'teams', method: 'GET', pattern: /^\/teams$/ },
  { name: 'team', method: 'GET', pattern: /^\/teams\/([^/]+)$/ },
  { name: 'player', method: 'GET', pattern: /^\/players\/([^/]+)$/ },
  { name: 'matches', method: 'GET', pattern: /^\/matches$/ },
  { name: 'goals', method: 'GET', pattern: /^\/goals$/ },
  { name: 'login', method: 'POST', pattern: /^\/login$/ },
];

interface RouteMatch {
  route: RouteDefinition;
  param: string;
}

function findRoute(pathname: string): RouteMatch | null {
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (match) {
      return { route, param: match[1] ?? '' };
    }
  }
  return null;
}

function splitPath(rawPath: string): {
  pathname: string;
  query: URLSearchParams;
} {
  const mark = rawPath.indexOf('?');
  return mark < 0
    ? { pathname: rawPath, query: new URLSearchParams() }
    : {
        pathname: rawPath.slice(0, mark),
        query: new URLSearchParams(rawPath.slice(mark + 1)),
      };
}

function overrideMatches(
  override: SandboxOverride,
  method: string,
  rawPath: string,
): boolean {
  if (override.method && override.method.toUpperCase() !== method) {
    return false;
  }
  if (override.path instanceof RegExp) {
    // A global or sticky RegExp remembers where it stopped; start afresh.
    override.path.lastIndex = 0;
    return override.path.test(rawPath);
  }
  const compared = override.path.includes('?')
    ? rawPath
    : splitPath(rawPath).pathname;
  return compared === override.path;
}

/** Resolves with the body, or null once it grows past the limit. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () =>
      resolve(
        size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : null,
      ),
    );
    req.on('error', () => resolve(null));
  });
}

function resetSocket(socket: Socket): void {
  try {
    // An RST gives the client ECONNRESET, closer to a crashed upstream than a FIN.
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

function formatUrl(address: AddressInfo): string {
  const host =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * Serves a dataset the way the real upstream does, with switchable faults,
 * so tests and the offline demo never need the network.
 */
export class SandboxUpstream {
  readonly requests: SandboxRequestRecord[] = [];
  private currentFaults: SandboxFaults = defaultFaults();
  private overrideUses: number[] = [];
  private rateCredit = 0;
  private requestsSinceFailSetting = 0;
  private readonly loggedIn = new Set<string>();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;
  private boundAddress: AddressInfo | null = null;
  private transition: Promise<void> = Promise.resolve();
  private transitionError: Error | null = null;
  private abandonListen: (() => void) | null = null;
  private stopping: Promise<void> | null = null;

  private constructor(
    readonly dataset: SandboxDataset,
    private readonly tokens: ReadonlySet<string> | null,
  ) {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => this.track(socket));
    // Relisten failures surface through ready(); never crash the process.
    this.server.on('error', () => undefined);
  }

  static async start(options: SandboxStartOptions): Promise<SandboxUpstream> {
    const host = options.host ?? '127.0.0.1';
    if (!LOOPBACK_HOSTS.has(host)) {
      throw new Error(
        `The sandbox upstream only listens on loopback (127.0.0.1, ::1, localhost), not on "${host}"`,
      );
    }
    const dataset =
      typeof options.dataset === 'string'
        ? loadSandboxDataset(options.dataset)
        : options.dataset;
    const tokens = options.tokens ? new Set(options.tokens) : null;
    const faults = options.faults ?? {};
    validateFaults(faults);
    const sandbox = new SandboxUpstream(dataset, tokens);
    // Listen first even for 'refuse': resuming needs a port to come back to.
    await sandbox.listen(host, options.port ?? 0);
    sandbox.setFaults(faults);
    return sandbox;
  }

  get url(): string {
    if (!this.boundAddress) {
      throw new Error('The sandbox upstream has not listened yet');
    }
    return formatUrl(this.boundAddress);
  }

  /** A copy of the faults in force (failAfterRequests may have changed them). */
  get faults(): SandboxFaults {
    return {
      ...this.currentFaults,
      overrides: [...this.currentFaults.overrides],
    };
  }

  setFaults(faults: Partial<SandboxFaults>): void {
    validateFaults(faults);
    const wasRefusing = this.currentFaults.outage === 'refuse';
    const defined = Object.fromEntries(
      Object.entries(faults).filter(([, value]) => value !== undefined),
    ) as Partial<SandboxFaults>;
    this.currentFaults = { ...this.currentFaults, ...defined };
    if (defined.overrides) {
      this.currentFaults.overrides = [...defined.overrides];
      this.overrideUses = defined.overrides.map(() => 0);
    }
    if (defined.rateLimitRatio !== undefined) {
      this.rateCredit = 0;
    }
    if ('failAfterRequests' in defined) {
      this.requestsSinceFailSetting = 0;
    }
    this.applyOutageChange(wasRefusing);
  }

  resetFaults(): void {
    this.setFaults(defaultFaults());
  }

  /**
   * Settles once the listener follows the last outage switch (closing is
   * immediate; listening again after 'refuse' takes a tick). Rejects when
   * the port could not be taken back.
   */
  async ready(): Promise<void> {
    await this.transition;
    if (this.transitionError !== null) {
      throw this.transitionError;
    }
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  countRequests(pathPrefix = ''): number {
    return this.requests.filter((record) => record.path.startsWith(pathPrefix))
      .length;
  }

  logout(token?: string): void {
    if (token === undefined) {
      this.loggedIn.clear();
    } else {
      this.loggedIn.delete(token);
    }
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    this.abandonListen?.();
    const closed = new Promise<void>((resolve) => {
      if (!this.server.listening) {
        resolve();
        return;
      }
      this.server.close(() => resolve());
    });
    this.destroySockets();
    await closed;
  }

  private listen(host: string, port: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error): void => {
        this.server.off('listening', onListening);
        this.server.off('error', settle);
        this.abandonListen = null;
        if (error) {
          reject(error);
        } else {
          resolve();
        }
      };
      const onListening = (): void => {
        this.boundAddress = this.server.address() as AddressInfo;
        settle();
      };
      this.abandonListen = () => settle();
      this.server.once('listening', onListening);
      this.server.once('error', settle);
      this.server.listen(port, host);
    });
  }

  private applyOutageChange(wasRefusing: boolean): void {
    const refusing = this.currentFaults.outage === 'refuse';
    if (this.stopping || refusing === wasRefusing) {
      return;
    }
    if (refusing) {
      this.closeListener();
    } else if (this.boundAddress) {
      this.resumeListener(this.boundAddress);
    }
  }

  private closeListener(): void {
    this.abandonListen?.();
    if (this.server.listening) {
      this.server.close();
    }
    // A refused upstream keeps no connection alive either.
    this.destroySockets();
  }

  private resumeListener(address: AddressInfo): void {
    // The bound IP, not a host name, so the same socket address comes back.
    const listening = this.listen(address.address, address.port);
    this.transitionError = null;
    this.transition = listening.then(
      () => undefined,
      (error: unknown) => {
        this.transitionError =
          error instanceof Error ? error : new Error(String(error));
      },
    );
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private destroySockets(): void {
    this.server.closeAllConnections();
    for (const socket of this.sockets) {
      socket.destroy();
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const record: SandboxRequestRecord = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    const outage = this.outageForNextRequest();
    if (outage === 'hang') {
      // The socket stays open until stop() destroys it.
      return;
    }
    if (outage === 'refuse') {
      // Only a request already in flight on a closing socket gets here.
      resetSocket(req.socket);
      return;
    }
    if (outage === 'reset') {
      void this.delay().then(() => resetSocket(req.socket));
      return;
    }
    const reply =
      outage === 'http500'
        ? Promise.resolve(serverErrorReply())
        : this.replyTo(req, record);
    void Promise.all([reply, this.delay()])
      .then(([answer]) => this.send(res, record, answer))
      // A failed answer must not take the process down; the client sees a reset.
      .catch(() => res.destroy());
  }

  private outageForNextRequest(): SandboxOutage {
    const { failAfterRequests, outage } = this.currentFaults;
    if (outage === 'none' && failAfterRequests !== null) {
      if (this.requestsSinceFailSetting >= failAfterRequests) {
        this.currentFaults.outage = 'http500';
        return 'http500';
      }
      this.requestsSinceFailSetting += 1;
    }
    return this.currentFaults.outage;
  }

  /** Faults are decided synchronously, so request order alone decides them. */
  private replyTo(
    req: IncomingMessage,
    record: SandboxRequestRecord,
  ): Promise<Reply> {
    if (this.takeRateLimit()) {
      const { retryAfterSeconds } = this.currentFaults;
      const headers: Record<string, string> =
        retryAfterSeconds === null
          ? {}
          : { 'Retry-After': String(retryAfterSeconds) };
      return Promise.resolve(detailReply(429, 'Too Many Requests', headers));
    }
    const override = this.takeOverride(record.method, record.path);
    if (override) {
      return Promise.resolve({
        status: override.status,
        headers: { 'Content-Type': override.contentType ?? JSON_TYPE },
        body: override.body,
      });
    }
    return this.route(req, record.path);
  }

  /** Spreads 429s evenly: ratio 1/k answers exactly every k-th request. */
  private takeRateLimit(): boolean {
    const { rateLimitRatio } = this.currentFaults;
    if (rateLimitRatio <= 0) {
      return false;
    }
    this.rateCredit += rateLimitRatio;
    if (this.rateCredit >= 1 - RATE_EPSILON) {
      this.rateCredit -= 1;
      return true;
    }
    return false;
  }

  private takeOverride(
    method: string,
    rawPath: string,
  ): SandboxOverride | null {
    const { overrides } = this.currentFaults;
    for (let index = 0; index < overrides.length; index += 1) {
      const override = overrides[index];
      const exhausted =
        override.times !== undefined &&
        this.overrideUses[index] >= override.times;
      if (!exhausted && overrideMatches(override, method, rawPath)) {
        this.overrideUses[index] += 1;
        return override;
      }
    }
    return null;
  }

  private async route(req: IncomingMessage, rawPath: string): Promise<Reply> {
    const { pathname, query } = splitPath(rawPath);
    const found = findRoute(pathname);
    if (!found) {
      return detailReply(404, 'Not Found');
    }
    if (req.method !== found.route.method) {
      return detailReply(405, 'Method Not Allowed', {
        Allow: found.route.method,
      });
    }
    const token = this.authorizedToken(req);
    if (token === null) {
      return detailReply(401, 'Missing or unknown token');
    }
    switch (found.route.name) {
      case 'teams':
        return jsonReply(200, this.dataset.teams);
      case 'matches':
        return jsonReply(200, this.dataset.matches);
      case 'team':
        return itemReply(this.dataset.teams, found.param, 'Team');
      case 'player':
        return itemReply(this.dataset.players, found.param, 'Player');
      case 'goals':
        return this.loggedIn.has(token)
          ? goalsReply(this.dataset, query)
          : detailReply(403, 'Log in first with POST /login');
      case 'login':
        return this.login(req, token);
    }
  }

  private authorizedToken(req: IncomingMessage): string | null {
    const token = req.headers.authorization;
    if (!token) {
      return null;
    }
    return this.tokens === null || this.tokens.has(token) ? token : null;
  }

  private async login(req: IncomingMessage, token: string): Promise<Reply> {
    const body = await readBody(req);
    if (body === null) {
      return detailReply(400, 'Request body is too large');
    }
    if (parseLoginReason(body) === null) {
      return detailReply(
        400,
        `reason must be a string of 1 to ${MAX_REASON_LENGTH} characters`,
      );
    }
    this.loggedIn.add(token);
    return jsonReply(200, { status: 'ok' });
  }

  private delay(): Promise<void> {
    const { latencyMs } = this.currentFaults;
    if (latencyMs <= 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, latencyMs);
      this.timers.add(timer);
    });
  }

  private send(
    res: ServerResponse,
    record: SandboxRequestRecord,
    reply: Reply,
  ): void {
    if (res.destroyed || res.writableEnded) {
      return;
    }
    record.status = reply.status;
    res.writeHead(reply.status, {
      ...reply.headers,
      'Content-Length': String(Buffer.byteLength(reply.body)),
    });
    res.end(reply.body);
  }
}
