import { CronTime } from 'cron';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnModuleInit,
} from '@nestjs/common';
import { LeagueRepository } from '../database/league.repository';
import { SyncKind, SyncRunEntity } from '../database/entities/sync-run.entity';
import { hashLeagueData, LeagueSnapshot } from '../league/league-snapshot';
import { LeagueService } from '../league/league.service';
import { Goal, LeagueData, Match, Player } from '../league/league.types';
import { describeError } from '../common/describe-error';
import { Environment } from '../config/environment';
import { UpstreamClient } from '../upstream/upstream.client';
import { SYNC_SOURCE } from './sync-source';
import { UpstreamError } from '../upstream/upstream.errors';
import {
  UPSTREAM_OPTIONS,
  UpstreamClientOptions,
} from '../upstream/upstream.options';
import {
  assembleLeague,
  countChanges,
  matchesNeedingGoals,
  rosteredPlayerIds,
} from './league-assembly';

export type SyncRequest = SyncKind | 'auto';

export interface SyncProgress {
  phase: 'players' | 'goals';
  done: number;
  total: number;
}

export interface SyncReport {
  /** The sync_runs row; null when the run could not even be recorded. */
  runId: number | null;
  kind: SyncKind;
  outcome: 'succeeded' | 'failed' | 'abandoned';
  requests: number;
  changes: number;
  durationMs: number;
  error?: string;
}

export class SyncAbortedError extends Error {
  constructor() {
    super('sync abandoned: the service is shutting down');
  }
}

/** What one sync fetched beyond teams and matches. */
interface FetchedLeague {
  data: LeagueData;
  players: number;
  goalLists: number;
}

/** One run's abort switch: in-flight work is left behind, not awaited. */
class RunContext {
  aborted = false;
  readonly abandoned: Promise<never>;
  private rejectAbandoned: (error: Error) => void = () => undefined;

  constructor(readonly onProgress?: (progress: SyncProgress) => void) {
    this.abandoned = new Promise<never>((_, reject) => {
      this.rejectAbandoned = reject;
    });
    this.abandoned.catch(() => undefined);
  }

  abandon(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.rejectAbandoned(new SyncAbortedError());
  }
}

/**
 * Brings the stored league up to date with the upstream. A full sync fetches
 * everything; an incremental one fetches teams and matches, then only the
 * players it lacks and the goals of new or changed matches. Runs never overlap.
 */
@Injectable()
export class SyncService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(SyncService.name);
  private running: Promise<SyncReport> | null = null;
  private context: RunContext | null = null;
  private lastReport: SyncReport | null = null;
  private stopping = false;
  private unknownPlayerIds = new Set<number>();
  private runningKind: SyncKind | null = null;
  private queuedFull: Promise<SyncReport> | null = null;
  private readonly fullRefreshPeriodMs: number;

  constructor(
    private readonly upstream: UpstreamClient,
    private readonly repository: LeagueRepository,
    private readonly league: LeagueService,
    @Inject(UPSTREAM_OPTIONS)
    private readonly upstreamOptions: UpstreamClientOptions,
    @Inject(SYNC_SOURCE) private readonly source: string,
    environment: Environment,
  ) {
    this.fullRefreshPeriodMs = cronPeriodMs(environment.SYNC_FULL_CRON);
  }

  async onModuleInit(): Promise<void> {
    // Bookkeeping only: a database busy with another process must not stop
    // the service from answering.
    const abandoned = await this.repository
      .abandonUnfinishedRuns()
      .catch((error: unknown) => {
        this.logger.warn(
          `Could not record unfinished sync runs as abandoned: ${describeError(error)}`,
        );
        return 0;
      });
    if (abandoned > 0) {
      this.logger.warn(
        `${abandoned} sync run(s) were cut off by a stop of the service: recorded as abandoned`,
      );
    }
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  get lastOutcome(): SyncReport | null {
    return this.lastReport;
  }

  /** Starts a sync, or joins the one already running. Never rejects. */
  sync(
    request: SyncRequest = 'auto',
    onProgress?: (progress: SyncProgress) => void,
  ): Promise<SyncReport> {
    if (this.running) return this.join(request, onProgress);
    const kind = this.chooseKind(request);
    if (this.stopping) {
      return Promise.resolve({
        runId: null,
        kind,
        outcome: 'abandoned',
        requests: 0,
        changes: 0,
        durationMs: 0,
        error: new SyncAbortedError().message,
      });
    }
    const context = new RunContext(onProgress);
    this.context = context;
    this.runningKind = kind;
    this.running = this.execute(kind, context).finally(() => {
      this.running = null;
      this.context = null;
      this.runningKind = null;
    });
    return this.running;
  }

  /**
   * A refresh joins the running sync. A full sync asked for while a refresh
   * runs is not dropped: it starts as soon as that refresh ends.
   */
  private join(
    request: SyncRequest,
    onProgress?: (progress: SyncProgress) => void,
  ): Promise<SyncReport> {
    const running = this.running as Promise<SyncReport>;
    if (request !== 'full' || this.runningKind === 'full') return running;
    this.queuedFull ??= running.then(() => {
      this.queuedFull = null;
      return this.sync('full', onProgress);
    });
    return this.queuedFull;
  }

  /**
   * Full when asked, when nothing is stored, when the stored data came from
   * another source (it must not be merged into), or, for 'auto', when a full
   * refresh is due by SYNC_FULL_CRON; otherwise incremental.
   */
  private chooseKind(request: SyncRequest): SyncKind {
    const { source, fullSyncedAt } = this.league.provenance;
    if (request === 'full' || !this.league.current) return 'full';
    if (source !== this.source) return 'full';
    if (request === 'auto' && this.fullRefreshDue(fullSyncedAt)) return 'full';
    return 'incremental';
  }

  /** True when more than one SYNC_FULL_CRON period has passed since a full sync. */
  private fullRefreshDue(fullSyncedAt: Date | null): boolean {
    if (!fullSyncedAt) return true;
    return Date.now() - fullSyncedAt.getTime() >= this.fullRefreshPeriodMs;
  }

  /**
   * Stops the running sync where it is: requests in flight are not waited
   * for, nothing of it is stored, the run is recorded as abandoned. A sync
   * already writing its result finishes.
   */
  async abandon(): Promise<SyncReport | null> {
    if (!this.running || !this.context) return null;
    this.context.abandon();
    return this.running;
  }

  /** Before the database closes: no new sync, and none left half-way. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.abandon();
  }

  private async execute(
    kind: SyncKind,
    context: RunContext,
  ): Promise<SyncReport> {
    const started = Date.now();
    const requestsBefore = this.upstream.requestCount;
    const requests = () => this.upstream.requestCount - requestsBefore;
    let run: SyncRunEntity;
    try {
      run = await this.repository.startRun(kind, this.source);
    } catch (error) {
      const message = `could not record the start of the sync: ${describeError(error)}`;
      this.logger.error(`Sync (${kind}) not started: ${message}`);
      return (this.lastReport = {
        runId: null,
        kind,
        outcome: 'failed',
        requests: 0,
        changes: 0,
        durationMs: Date.now() - started,
        error: message,
      });
    }
    const previous = this.league.current;

    try {
      const fetched = await Promise.race([
        this.fetchLeague(kind, previous, context),
        context.abandoned,
      ]);
      const { data } = fetched;
      const contentHash = hashLeagueData(data);
      const unchanged = previous?.contentHash === contentHash;
      const changes = unchanged
        ? 0
        : countChanges(previous?.data ?? null, data);
      const counts = { requests: requests(), changes };
      // Identical content is not rewritten: only the run is recorded.
      const stored = unchanged
        ? await this.repository.confirmLeague(run, data, contentHash, counts)
        : await this.repository.replaceLeague(run, data, contentHash, counts);
      const syncedAt = stored.finishedAt ?? new Date();
      const modifiedAt =
        changes === 0 && previous ? previous.times.modifiedAt : syncedAt;
      this.league.replace(
        new LeagueSnapshot(data, { syncedAt, modifiedAt }, contentHash),
        {
          source: this.source,
          fullSyncedAt:
            kind === 'full' ? syncedAt : this.league.provenance.fullSyncedAt,
        },
      );

      const report: SyncReport = {
        runId: run.id,
        kind,
        outcome: 'succeeded',
        requests: counts.requests,
        changes,
        durationMs: Date.now() - started,
      };
      const stock =
        `${data.teams.length} teams, ${data.players.length} players, ` +
        `${data.matches.length} matches, ${data.goals.length} goals`;
      this.logger.log(
        `Sync #${run.id} (${kind}) succeeded in ${report.durationMs} ms: ` +
          `${report.requests} requests, fetched ${fetched.players} players ` +
          `and the goals of ${fetched.goalLists} matches; ` +
          (changes === 0
            ? `no changes (${stock})`
            : `${changes} changes stored (${stock})`),
      );
      return (this.lastReport = report);
    } catch (error) {
      return (this.lastReport = await this.recordFailure(
        run,
        kind,
        error,
        requests(),
        Date.now() - started,
      ));
    }
  }

  /** Records and logs, once, a run that stored nothing. */
  private async recordFailure(
    run: SyncRunEntity,
    kind: SyncKind,
    error: unknown,
    requests: number,
    durationMs: number,
  ): Promise<SyncReport> {
    const abandoned = error instanceof SyncAbortedError;
    const message = describeError(error);
    const record = abandoned
      ? this.repository.abandonRun(run, message, requests)
      : this.repository.failRun(run, message, requests);
    await record.catch((recordError: unknown) =>
      this.logger.error(
        `Could not record the end of sync #${run.id}: ${describeError(recordError)}`,
      ),
    );

    const outcome = abandoned ? 'abandoned' : 'failed';
    const summary =
      `Sync #${run.id} (${kind}) ${outcome} after ${durationMs} ms and ` +
      `${requests} requests; the stored data stays as it was: ${message}`;
    if (abandoned || error instanceof UpstreamError) {
      this.logger.warn(summary);
    } else {
      // Not the upstream's doing: a defect or a storage problem of ours.
      this.logger.error(
        error instanceof Error && error.stack
          ? `${summary}\n${error.stack}`
          : summary,
      );
    }
    return {
      runId: run.id,
      kind,
      outcome,
      requests,
      changes: 0,
      durationMs,
      error: message,
    };
  }

  private async fetchLeague(
    kind: SyncKind,
    previous: LeagueSnapshot | null,
    context: RunContext,
  ): Promise<FetchedLeague> {
    // One after the other: when the upstream is down, one failed call is enough.
    const teams = await this.upstream.getTeams();
    const matches = await this.upstream.getMatches();
    const incremental = kind === 'incremental' && previous !== null;

    const storedPlayers = new Map<number, Player>(
      incremental ? previous.data.players.map((p) => [p.id, p]) : [],
    );
    // Ids the upstream had no player for wait for the next full sync, so
    // that a refresh with nothing new stays at two requests.
    const knownUnknown = new Set(incremental ? this.unknownPlayerIds : []);
    const missingIds = rosteredPlayerIds(teams).filter(
      (id) => !storedPlayers.has(id) && !knownUnknown.has(id),
    );
    const fetchedPlayers = await this.forEach(
      missingIds,
      'players',
      context,
      (id) => this.upstream.getPlayer(id),
    );
    missingIds.forEach((id, index) => {
      const player = fetchedPlayers[index];
      if (player) {
        storedPlayers.set(id, player);
        return;
      }
      knownUnknown.add(id);
      this.logger.warn(
        `Player ${id} is on a roster but the upstream has no such player (404): left out`,
      );
    });
    this.unknownPlayerIds = knownUnknown;

    const previousMatches = new Map<number, Match>(
      incremental ? previous.data.matches.map((m) => [m.id, m]) : [],
    );
    const stale = matchesNeedingGoals(matches, previousMatches);
    const staleIds = new Set(stale.map((match) => match.id));
    const keptGoals: Goal[] = incremental
      ? previous.data.goals.filter((goal) => !staleIds.has(goal.matchId))
      : [];
    const fetchedGoals = await this.forEach(stale, 'goals', context, (match) =>
      this.upstream.getGoals(match.id),
    );

    const data = assembleLeague(teams, storedPlayers.values(), matches, [
      ...keptGoals,
      ...fetchedGoals.flat(),
    ]);
    return { data, players: missingIds.length, goalLists: stale.length };
  }

  /**
   * Runs fetches with as many workers as the upstream client lets through at
   * once; stops taking new work at the first failure or on shutdown.
   */
  private async forEach<T, R>(
    items: T[],
    phase: SyncProgress['phase'],
    context: RunContext,
    fetch: (item: T) => Promise<R>,
  ): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    let done = 0;
    let failed = false;
    context.onProgress?.({ phase, done, total: items.length });

    const worker = async () => {
      while (next < items.length && !failed) {
        if (context.aborted) throw new SyncAbortedError();
        const index = next++;
        try {
          results[index] = await fetch(items[index]);
        } catch (error) {
          failed = true;
          throw error;
        }
        context.onProgress?.({ phase, done: ++done, total: items.length });
      }
    };
    const workers = Math.max(
      1,
      Math.min(this.upstreamOptions.concurrency, items.length),
    );
    const outcomes = await Promise.allSettled(
      Array.from({ length: workers }, worker),
    );
    const failure = outcomes.find(
      (o): o is PromiseRejectedResult => o.status === 'rejected',
    );
    if (failure) throw failure.reason;
    return results;
  }
}

/** The time between two consecutive firings of a cron expression. */
function cronPeriodMs(expression: string): number {
  const next = new CronTime(expression).sendAt(2);
  const [first, second] = Array.isArray(next) ? next : [next, next];
  return second.toMillis() - first.toMillis();
}
