import {
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { LeagueRepository } from '../database/league.repository';
import { SyncKind } from '../database/entities/sync-run.entity';
import { hashLeagueData, LeagueSnapshot } from '../league/league-snapshot';
import { LeagueService } from '../league/league.service';
import { Goal, LeagueData, Match, Player } from '../league/league.types';
import { UpstreamClient } from '../upstream/upstream.client';
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
  runId: number;
  kind: SyncKind;
  outcome: 'succeeded' | 'failed';
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

interface RunContext {
  aborted: boolean;
  onProgress?: (progress: SyncProgress) => void;
}

/**
 * Brings the stored league up to date with the upstream. A full sync fetches
 * everything; an incremental one fetches teams and matches, then only the
 * players it lacks and the goals of new or changed matches. Runs never overlap.
 */
@Injectable()
export class SyncService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SyncService.name);
  private running: Promise<SyncReport> | null = null;
  private context: RunContext | null = null;
  private lastReport: SyncReport | null = null;

  constructor(
    private readonly upstream: UpstreamClient,
    private readonly repository: LeagueRepository,
    private readonly league: LeagueService,
    @Inject(UPSTREAM_OPTIONS)
    private readonly upstreamOptions: UpstreamClientOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const abandoned = await this.repository.abandonUnfinishedRuns();
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
    if (this.running) return this.running;
    const kind: SyncKind =
      request === 'auto'
        ? this.league.current
          ? 'incremental'
          : 'full'
        : request;
    const context: RunContext = { aborted: false, onProgress };
    this.context = context;
    this.running = this.execute(kind, context).finally(() => {
      this.running = null;
      this.context = null;
    });
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.running || !this.context) return;
    this.logger.warn(
      'Shutting down during a sync: abandoning it, the stored data stays as it was',
    );
    this.context.aborted = true;
    await this.running;
  }

  private async execute(
    kind: SyncKind,
    context: RunContext,
  ): Promise<SyncReport> {
    const started = Date.now();
    const requestsBefore = this.upstream.requestCount;
    const run = await this.repository.startRun(kind);
    const previous = this.league.current;
    const requests = () => this.upstream.requestCount - requestsBefore;

    try {
      const data = await this.fetchLeague(kind, previous, context);
      if (context.aborted) throw new SyncAbortedError();
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
      );

      const report: SyncReport = {
        runId: run.id,
        kind,
        outcome: 'succeeded',
        requests: requests(),
        changes,
        durationMs: Date.now() - started,
      };
      this.logger.log(
        `Sync #${run.id} (${kind}) succeeded in ${report.durationMs} ms: ` +
          `${report.requests} requests, ${changes} changes; ${data.teams.length} teams, ` +
          `${data.players.length} players, ${data.matches.length} matches, ${data.goals.length} goals`,
      );
      return (this.lastReport = report);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.repository
        .failRun(run, message, requests())
        .catch((recordError: unknown) =>
          this.logger.error(
            `Could not record the failed sync #${run.id}: ${String(recordError)}`,
          ),
        );
      const report: SyncReport = {
        runId: run.id,
        kind,
        outcome: 'failed',
        requests: requests(),
        changes: 0,
        durationMs: Date.now() - started,
        error: message,
      };
      this.logger.warn(
        `Sync #${run.id} (${kind}) failed after ${report.durationMs} ms and ` +
          `${report.requests} requests; the stored data stays as it was: ${message}`,
      );
      return (this.lastReport = report);
    }
  }

  private async fetchLeague(
    kind: SyncKind,
    previous: LeagueSnapshot | null,
    context: RunContext,
  ): Promise<LeagueData> {
    // One after the other: when the upstream is down, one failed call is enough.
    const teams = await this.upstream.getTeams();
    const matches = await this.upstream.getMatches();
    const incremental = kind === 'incremental' && previous !== null;

    const storedPlayers = new Map<number, Player>(
      incremental ? previous.data.players.map((p) => [p.id, p]) : [],
    );
    const missingIds = rosteredPlayerIds(teams).filter(
      (id) => !storedPlayers.has(id),
    );
    const fetchedPlayers = await this.forEach(
      missingIds,
      'players',
      context,
      (id) => this.upstream.getPlayer(id),
    );
    missingIds.forEach((id, index) => {
      const player = fetchedPlayers[index];
      if (player) storedPlayers.set(id, player);
      else
        this.logger.warn(
          `Player ${id} is on a roster but the upstream has no such player (404): left out`,
        );
    });

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

    return assembleLeague(teams, storedPlayers.values(), matches, [
      ...keptGoals,
      ...fetchedGoals.flat(),
    ]);
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
