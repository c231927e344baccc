import { Injectable } from '@nestjs/common';
import { LeagueRepository } from '../database/league.repository';
import { SyncService } from '../sync/sync.service';

/** Enough runs to cover days of failures at the default ten-minute schedule. */
const RUNS_TO_LOOK_BACK = 1000;

/**
 * Tells since when syncing has been failing, so that pages can warn that
 * what they show may be out of date.
 */
@Injectable()
export class StalenessService {
  private known: { runId: number; since: Date | null } | null = null;

  constructor(
    private readonly sync: SyncService,
    private readonly repository: LeagueRepository,
  ) {}

  /**
   * When the first failed sync after the last successful one ended; null
   * when the latest sync succeeded. Read from the stored runs once per run,
   * so failures from before a restart count too.
   */
  async failingSince(): Promise<Date | null> {
    const latest = this.sync.lastOutcome;
    if (latest?.outcome === 'succeeded') return null;

    const runId = latest?.runId ?? 0;
    if (this.known?.runId !== runId) {
      this.known = { runId, since: await this.readFailingSince() };
    }
    return this.known.since;
  }

  private async readFailingSince(): Promise<Date | null> {
    let since: Date | null = null;
    for (const run of await this.repository.recentRuns(RUNS_TO_LOOK_BACK)) {
      if (run.outcome === 'succeeded') break;
      if (run.outcome === 'failed') since = run.finishedAt ?? run.startedAt;
    }
    return since;
  }
}
