import { Injectable } from '@nestjs/common';
import { describeError } from '../common/describe-error';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Environment } from '../config/environment';
import { LeagueRepository } from '../database/league.repository';
import { SyncRunEntity } from '../database/entities/sync-run.entity';
import { LeagueService } from '../league/league.service';
import { SyncService } from '../sync/sync.service';
import { UpstreamClient } from '../upstream/upstream.client';
import {
  DatabaseHealthDto,
  DataHealthDto,
  SyncHealthDto,
  SyncRunDto,
  UpstreamHealthDto,
} from './dto/health-report.dto';

type Indicator<Key extends string, Details> = Record<Key, Details>;

function toRunDto(run: SyncRunEntity): SyncRunDto {
  return {
    id: run.id,
    kind: run.kind,
    outcome: run.outcome,
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
    requests: run.requests,
    changes: run.changes,
    error: run.error,
  };
}

/**
 * The four things an operator asks about: can the database be queried, is a
 * league loaded and how old, how did the last sync go, and how is the
 * upstream doing. None of them throws; a failure is a `down` with a reason.
 */
@Injectable()
export class HealthIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly repository: LeagueRepository,
    private readonly league: LeagueService,
    private readonly sync: SyncService,
    private readonly upstream: UpstreamClient,
    private readonly environment: Environment,
  ) {}

  async database(): Promise<Indicator<'database', DatabaseHealthDto>> {
    const check = this.indicators.check('database');
    try {
      await this.repository.ping();
      return check.up();
    } catch (error) {
      return check.down({ message: describeError(error) });
    }
  }

  data(now = new Date()): Indicator<'data', DataHealthDto> {
    const check = this.indicators.check('data');
    const snapshot = this.league.current;
    if (!snapshot) {
      return check.down({
        loaded: false,
        synced_at: null,
        modified_at: null,
        age_seconds: null,
        teams: 0,
        players: 0,
        matches: 0,
        goals: 0,
      });
    }
    const { syncedAt, modifiedAt } = snapshot.times;
    return check.up({
      loaded: true,
      synced_at: syncedAt.toISOString(),
      modified_at: modifiedAt.toISOString(),
      age_seconds: Math.max(
        0,
        Math.round((now.getTime() - syncedAt.getTime()) / 1000),
      ),
      teams: snapshot.data.teams.length,
      players: snapshot.playerCount,
      matches: snapshot.data.matches.length,
      goals: snapshot.data.goals.length,
    });
  }

  /** Read from sync_runs, so that runs from before a restart count too. */
  async syncRuns(): Promise<Indicator<'sync', SyncHealthDto>> {
    const check = this.indicators.check('sync');
    const schedule = {
      incremental: this.environment.SYNC_CRON,
      full: this.environment.SYNC_FULL_CRON,
    };
    const running = this.sync.isRunning;
    let lastRun: SyncRunEntity | null;
    let lastSuccess: SyncRunEntity | null;
    try {
      [lastRun, lastSuccess] = await Promise.all([
        this.repository.lastFinishedRun(),
        this.repository.lastRun('succeeded'),
      ]);
    } catch {
      // The database indicator says why; here it only means "not known".
      return check.down({ running, last_success_at: null, schedule });
    }
    const details: Omit<SyncHealthDto, 'status'> = {
      running,
      last_success_at: lastSuccess?.finishedAt?.toISOString() ?? null,
      schedule,
    };
    if (lastRun) details.last_run = toRunDto(lastRun);
    return lastRun?.outcome === 'failed'
      ? check.down(details)
      : check.up(details);
  }

  upstreamState(): Indicator<'upstream', UpstreamHealthDto> {
    const check = this.indicators.check('upstream');
    const state = this.upstream.state;
    return state === 'unreachable' || state === 'circuit_open'
      ? check.down({ state })
      : check.up({ state });
  }
}
