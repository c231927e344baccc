import { resolve } from 'node:path';
import { SandboxUpstream, type SandboxFaults } from './sandbox-upstream';

const DEFAULT_PORT = 8090;
const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];
// Same place from src/sandbox (ts-node) and dist/sandbox (built).
const DEFAULT_DATASET = resolve(__dirname, '../../datasets/lksh-2025-05-31');

const USAGE =
  'Usage: node dist/sandbox/main.js [--dataset DIR] [--port N] [--host H]\n' +
  'Environment: SANDBOX_DATASET, SANDBOX_PORT, SANDBOX_TOKENS (comma list), ' +
  'SANDBOX_LATENCY_MS, SANDBOX_RATE_LIMIT_RATIO, SANDBOX_RETRY_AFTER';

export interface SandboxCliOptions {
  dataset: string;
  host: string;
  port: number;
  tokens: string[] | undefined;
  faults: Partial<SandboxFaults>;
}

type Env = Record<string, string | undefined>;

/** Reads `--name value` and `--name=value`; unknown flags are errors. */
function parseFlags(argv: string[]): Map<string, string> {
  const known = new Set(['dataset', 'port', 'host']);
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !known.has(match[1])) {
      throw new Error(`Unknown argument "${arg}"\n${USAGE}`);
    }
    const value = match[2] ?? argv[++index];
    if (value === undefined) {
      throw new Error(`--${match[1]} needs a value\n${USAGE}`);
    }
    flags.set(match[1], value);
  }
  return flags;
}

function parseNumber(
  name: string,
  raw: string,
  check: (value: number) => boolean,
  expected: string,
): number {
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!check(value)) {
    throw new Error(`${name} must be ${expected}, got "${raw}"`);
  }
  return value;
}

const isPort = (value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value <= 65535;
const isNonNegativeInteger = (value: number): boolean =>
  Number.isInteger(value) && value >= 0;
const isRatio = (value: number): boolean => value >= 0 && value <= 1;

function parseTokens(raw: string | undefined): string[] | undefined {
  const tokens = (raw ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
  // No list means any non-empty token is accepted, as the sandbox defaults.
  return tokens.length > 0 ? tokens : undefined;
}

function parseFaults(env: Env): Partial<SandboxFaults> {
  const faults: Partial<SandboxFaults> = {};
  if (env.SANDBOX_LATENCY_MS) {
    faults.latencyMs = parseNumber(
      'SANDBOX_LATENCY_MS',
      env.SANDBOX_LATENCY_MS,
      isNonNegativeInteger,
      'a non-negative integer',
    );
  }
  if (env.SANDBOX_RATE_LIMIT_RATIO) {
    faults.rateLimitRatio = parseNumber(
      'SANDBOX_RATE_LIMIT_RATIO',
      env.SANDBOX_RATE_LIMIT_RATIO,
      isRatio,
      'a number from 0 to 1',
    );
  }
  if (env.SANDBOX_RETRY_AFTER) {
    faults.retryAfterSeconds = parseNumber(
      'SANDBOX_RETRY_AFTER',
      env.SANDBOX_RETRY_AFTER,
      isNonNegativeInteger,
      'a non-negative integer',
    );
  }
  return faults;
}

/** Command-line flags win over the environment, which wins over defaults. */
export function parseSandboxCli(argv: string[], env: Env): SandboxCliOptions {
  const flags = parseFlags(argv);
  const host = flags.get('host') ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.includes(host)) {
    throw new Error(
      `Refusing to listen on "${host}": the sandbox upstream is for local ` +
        `tests and demos and only listens on ${LOOPBACK_HOSTS.join(', ')}`,
    );
  }
  const rawPort = flags.get('port') ?? env.SANDBOX_PORT;
  return {
    dataset: resolve(
      flags.get('dataset') ?? env.SANDBOX_DATASET ?? DEFAULT_DATASET,
    ),
    host,
    port: rawPort
      ? parseNumber('port', rawPort, isPort, 'an integer from 0 to 65535')
      : DEFAULT_PORT,
    tokens: parseTokens(env.SANDBOX_TOKENS),
    faults: parseFaults(env),
  };
}

async function run(): Promise<void> {
  const options = parseSandboxCli(process.argv.slice(2), process.env);
  const sandbox = await SandboxUpstream.start(options);
  process.stderr.write(
    `Sandbox upstream serving ${options.dataset} on ${sandbox.url}\n`,
  );
  let stopping = false;
  const onSignal = (): void => {
    if (stopping) {
      // A second signal while stopping means the user wants out now.
      process.exit(1);
    }
    stopping = true;
    void sandbox.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

if (require.main === module) {
  run().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Sandbox upstream failed to start: ${message}\n`);
    process.exit(1);
  });
}
