import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  SyncKind,
  SyncOutcome,
} from '../../database/entities/sync-run.entity';
import type { UpstreamState } from '../../upstream/upstream.client';

const SYNC_KINDS: SyncKind[] = ['full', 'incremental'];
const SYNC_OUTCOMES: SyncOutcome[] = [
  'running',
  'succeeded',
  'failed',
  'abandoned',
];
const UPSTREAM_STATES: UpstreamState[] = [
  'unknown',
  'healthy',
  'rate_limited',
  'unreachable',
  'circuit_open',
];
export const HEALTH_STATUSES = [
  'ok',
  'degraded',
  'error',
  'shutting_down',
] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export class DatabaseHealthDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status: 'up' | 'down';

  /** Why the database did not answer `SELECT 1`. */
  @ApiPropertyOptional({
    example: 'SQLITE_CANTOPEN: unable to open database file',
  })
  message?: string;
}

export class DataHealthDto {
  /** Down while no league is loaded: data endpoints answer 503. */
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status: 'up' | 'down';

  /** @example true */
  loaded: boolean;

  /** When the last successful sync confirmed the data (ISO 8601). */
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025-05-31T12:00:00.000Z',
  })
  synced_at: string | null;

  /** When the data last changed (ISO 8601). */
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025-05-31T11:50:00.000Z',
  })
  modified_at: string | null;

  /** Seconds since `synced_at`. */
  @ApiProperty({ type: Number, nullable: true, example: 42 })
  age_seconds: number | null;

  /** @example 40 */
  teams: number;

  /** Players on at least one roster. @example 433 */
  players: number;

  /** @example 780 */
  matches: number;

  /** @example 3943 */
  goals: number;
}

export class SyncRunDto {
  /** @example 12 */
  id: number;

  @ApiProperty({ enum: SYNC_KINDS, example: 'incremental' })
  kind: SyncKind;

  @ApiProperty({ enum: SYNC_OUTCOMES, example: 'failed' })
  outcome: SyncOutcome;

  /** @example "2025-05-31T12:10:00.000Z" */
  started_at: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025-05-31T12:10:02.000Z',
  })
  finished_at: string | null;

  /** Upstream requests sent, retries and logins included. @example 2 */
  requests: number;

  /** Rows added, changed or removed. @example 0 */
  changes: number;

  /** Why the run failed or was abandoned. */
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'GET /teams: network error (ECONNREFUSED)',
  })
  error: string | null;
}

export class SyncScheduleDto {
  /** SYNC_CRON. @example "*\/10 * * * *" */
  incremental: string;

  /** SYNC_FULL_CRON. @example "17 *\/6 * * *" */
  full: string;
}

export class SyncHealthDto {
  /** Down when the latest finished sync failed; the stored data is still served. */
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status: 'up' | 'down';

  /** A sync is in progress right now. @example false */
  running: boolean;

  /** The latest finished run, whatever its outcome; absent before any. */
  last_run?: SyncRunDto;

  /** When a sync last succeeded (ISO 8601). */
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025-05-31T12:00:00.000Z',
  })
  last_success_at: string | null;

  schedule: SyncScheduleDto;
}

export class UpstreamHealthDto {
  /** Down while the upstream cannot be reached or its circuit is open. */
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status: 'up' | 'down';

  /**
   * What the last requests to the upstream showed; `unknown` until the
   * first one.
   */
  @ApiProperty({ enum: UPSTREAM_STATES, example: 'healthy' })
  state: UpstreamState;
}

export class HealthDetailsDto {
  database: DatabaseHealthDto;

  data: DataHealthDto;

  sync: SyncHealthDto;

  upstream: UpstreamHealthDto;
}

/** Some of the indicators, by name. */
export class HealthIndicatorsDto {
  database?: DatabaseHealthDto;

  data?: DataHealthDto;

  sync?: SyncHealthDto;

  upstream?: UpstreamHealthDto;
}

/**
 * Terminus' report shape with one more status: `degraded` means the service
 * answers from its stored data while syncing or the upstream has trouble.
 */
export class HealthReportDto {
  /**
   * `ok`: answering, up to date. `degraded`: answering from stored data, but
   * the last sync failed or the upstream is down. `error`: cannot answer
   * (no data or no database). `shutting_down`: stopping.
   */
  @ApiProperty({ enum: HEALTH_STATUSES, example: 'ok' })
  status: HealthStatus;

  /** The indicators that are up. */
  info: HealthIndicatorsDto;

  /** The indicators that are down. */
  error: HealthIndicatorsDto;

  /** Every indicator. */
  details: HealthDetailsDto;
}
