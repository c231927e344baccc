import { LoggerService } from '@nestjs/common';
import { utilities, WinstonModule } from 'nest-winston';
import * as winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
import { Environment } from '../../config/environment';

const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];
const LEVEL = Symbol.for('level');

/**
 * Nest's start-up chatter: a line per module, controller and route. Useful
 * when debugging wiring, noise in an operator's log.
 */
const BOOTSTRAP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
]);
const BOOTSTRAP_LEVEL = 'verbose';

export interface AppLoggerOptions {
  /** Names the program in console lines and log file names. */
  name: string;
  /** Write daily-rotated JSON files under LOG_DIR (when it is not empty). */
  files: boolean;
  /** Where console lines go instead of stderr; tests read them back. */
  sink?: NodeJS.WritableStream;
}

function hideSecrets(value: unknown, secrets: string[], depth = 0): unknown {
  if (typeof value === 'string') {
    return secrets.reduce(
      (text, secret) => text.split(secret).join('***'),
      value,
    );
  }
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    return value.map((item) => hideSecrets(item, secrets, depth + 1));
  }
  if (value instanceof Error) {
    return hideSecrets(
      { name: value.name, message: value.message, stack: value.stack },
      secrets,
      depth + 1,
    );
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      hideSecrets(item, secrets, depth + 1),
    ]),
  );
}

/** Replaces any occurrence of a secret in a log entry, as a last line of defence. */
function redact(secrets: string[]): winston.Logform.Format {
  return winston.format((entry) => {
    if (secrets.length === 0) return entry;
    for (const key of Object.keys(entry)) {
      entry[key] = hideSecrets(entry[key], secrets);
    }
    return entry;
  })();
}

/**
 * Moves Nest's bootstrap lines below info. Drops the empty stack Nest
 * attaches to an error logged without one, and the Error object that
 * nest-winston adds next to its message and stack.
 */
const tidy = winston.format((entry) => {
  const context: unknown = entry.context;
  if (typeof context === 'string' && BOOTSTRAP_CONTEXTS.has(context)) {
    entry.level = BOOTSTRAP_LEVEL;
    (entry as unknown as Record<symbol, string>)[LEVEL] = BOOTSTRAP_LEVEL;
  }
  const stack: unknown = entry.stack;
  if (Array.isArray(stack) && stack.every((line) => line == null)) {
    delete entry.stack;
  }
  if (entry.error instanceof Error) delete entry.error;
  return entry;
});

/**
 * The one logger: console lines on stderr (readable, or JSON with
 * LOG_FORMAT=json) and, when LOG_DIR is set, daily-rotated JSON files.
 * stdout stays free for the console program's answers.
 */
export function createAppLogger(
  environment: Environment,
  options: AppLoggerOptions,
): LoggerService {
  const consoleFormat =
    environment.LOG_FORMAT === 'json'
      ? winston.format.combine(
          winston.format.timestamp(),
          winston.format.json(),
        )
      : winston.format.combine(
          winston.format.timestamp(),
          utilities.format.nestLike(options.name, {
            colors: !options.sink && process.stderr.isTTY,
            prettyPrint: true,
          }),
        );
  const transports: winston.transport[] = [
    options.sink
      ? new winston.transports.Stream({
          stream: options.sink,
          format: consoleFormat,
        })
      : new winston.transports.Console({
          stderrLevels: LEVELS,
          format: consoleFormat,
        }),
  ];
  if (options.files && environment.LOG_DIR !== '') {
    transports.push(
      new DailyRotateFile({
        dirname: environment.LOG_DIR,
        filename: `${options.name}-%DATE%.log`,
        maxFiles: '14d',
        maxSize: '20m',
        format: winston.format.combine(
          winston.format.timestamp(),
          winston.format.json(),
        ),
      }),
    );
  }
  const secrets = [environment.LKSH_TOKEN ?? ''].filter(
    (secret) => secret.length >= 4,
  );
  return WinstonModule.createLogger({
    level: environment.LOG_LEVEL,
    format: winston.format.combine(tidy(), redact(secrets)),
    transports,
  });
}
