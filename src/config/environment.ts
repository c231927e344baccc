import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Max,
  Min,
  MinLength,
  registerDecorator,
  validateSync,
  ValidationArguments,
} from 'class-validator';
import { validateCronExpression } from 'cron';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim())
    ? Number(value.trim())
    : value;

/** Checked with the parser the scheduler itself uses, so what passes runs. */
function IsCronExpression(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCronExpression',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && validateCronExpression(value).valid,
        defaultMessage: ({ property, value }: ValidationArguments) => {
          const problem =
            typeof value === 'string'
              ? validateCronExpression(value).error?.message
              : 'not a string';
          return `${property} must be a cron expression such as "*/10 * * * *" (${problem ?? 'invalid'})`;
        },
      },
    });
}

/**
 * Every setting the product reads from the environment, with its default.
 * Validated once at start; a bad value stops the program naming the variable.
 */
export class Environment {
  @IsUrl(
    {
      require_tld: false,
      require_protocol: true,
      protocols: ['http', 'https'],
    },
    { message: 'LKSH_API_URL must be an http or https URL' },
  )
  LKSH_API_URL = 'https://lksh-enter.ru';

  /** Absent: the bundled sandbox upstream serves the demo data. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  LKSH_TOKEN?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(256)
  LKSH_LOGIN_REASON =
    'I want to build reliable services on top of real data, and parallel P is where I can learn to do it well.';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  DATABASE_PATH = 'data/lksh.sqlite';

  @IsCronExpression()
  SYNC_CRON = '*/10 * * * *';

  @IsCronExpression()
  SYNC_FULL_CRON = '17 */6 * * *';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  UPSTREAM_TIMEOUT_MS = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  UPSTREAM_CONCURRENCY = 4;

  /** 0 means no pacing beyond the concurrency cap. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  UPSTREAM_MAX_RPS = 25;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(20)
  UPSTREAM_MAX_RETRIES = 6;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  UPSTREAM_BREAKER_THRESHOLD = 5;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  UPSTREAM_BREAKER_COOLDOWN_MS = 30_000;

  @IsIn(['error', 'warn', 'info', 'debug', 'verbose'])
  LOG_LEVEL = 'info';

  @IsIn(['pretty', 'json'])
  LOG_FORMAT = 'pretty';

  /** Empty: no log file. */
  @IsString()
  LOG_DIR = 'logs';

  @IsString()
  @MinLength(1)
  DEMO_DATASET = 'datasets/lksh-2025-05-31';
}

export class EnvironmentError extends Error {}

/** Settings whose empty value means "none" rather than "the default". */
const EMPTY_MEANS_NONE = new Set(['LOG_DIR']);

/** Reads, converts and validates the settings; throws naming every bad one. */
export function loadEnvironment(
  source: Record<string, string | undefined> = process.env,
): Environment {
  const present = Object.fromEntries(
    Object.entries(source).filter(
      ([key, value]) =>
        value !== undefined && (value !== '' || EMPTY_MEANS_NONE.has(key)),
    ),
  );
  const environment = plainToInstance(Environment, present, {
    exposeDefaultValues: true,
  });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const reasons = Object.values(error.constraints ?? {}).join('; ');
      const shown =
        error.property === 'LKSH_TOKEN'
          ? '<hidden>'
          : JSON.stringify(error.value);
      return `${error.property}=${shown}: ${reasons}`;
    });
    throw new EnvironmentError(`Invalid settings: ${problems.join(' | ')}`);
  }
  return environment;
}
