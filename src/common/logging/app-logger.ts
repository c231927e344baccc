import { LoggerService } from '@nestjs/common';
import { utilities, WinstonModule } from 'nest-winston';
import * as winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
import { Environment } from '../../config/environment';

const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];

/** Replaces any occurrence of a secret in a log line, as a last line of defence. */
function redact(secrets: string[]): winston.Logform.Format {
  const hidden = secrets.filter((secret) => secret.length >= 4);
  return winston.format((entry) => {
    if (hidden.length === 0) return entry;
    for (const key of Object.keys(entry)) {
      const value: unknown = entry[key];
      if (typeof value !== 'string') continue;
      entry[key] = hidden.reduce(
        (text, secret) => text.split(secret).join('***'),
        value,
      );
    }
    return entry;
  })();
}

/**
 * The one logger: console lines on stderr (readable, or JSON with
 * LOG_FORMAT=json) and, when LOG_DIR is set, daily-rotated JSON files.
 * stdout stays free for the console program's answers.
 */
export function createAppLogger(
  environment: Environment,
  options: { name: string; files: boolean },
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
            colors: process.stderr.isTTY,
            prettyPrint: true,
          }),
        );
  const transports: winston.transport[] = [
    new winston.transports.Console({
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
  return WinstonModule.createLogger({
    level: environment.LOG_LEVEL,
    format: redact([environment.LKSH_TOKEN ?? '']),
    transports,
  });
}
