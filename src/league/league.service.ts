import {
  Injectable,
  Logger,
  OnModuleInit,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  LeagueProvenance,
  LeagueRepository,
} from '../database/league.repository';
import { LeagueSnapshot } from './league-snapshot';

/** Seconds a client should wait before asking again while no data is stored. */
export const NO_DATA_RETRY_AFTER_SECONDS = 30;

export class DataNotReadyException extends ServiceUnavailableException {
  readonly retryAfterSeconds = NO_DATA_RETRY_AFTER_SECONDS;

  constructor() {
    super(
      'No league data has been stored yet: the first sync with the upstream has not finished. Try again shortly.',
    );
  }
}

/**
 * Holds the current league snapshot. Every answer reads it; a sync swaps in
 * a new one whole, so a reader never sees half of an update.
 */
@Injectable()
export class LeagueService implements OnModuleInit {
  private readonly logger = new Logger(LeagueService.name);
  private snapshot: LeagueSnapshot | null = null;
  private origin: LeagueProvenance = { source: null, fullSyncedAt: null };

  constructor(private readonly repository: LeagueRepository) {}

  /** Answers come from the stored league from the first moment on. */
  async onModuleInit(): Promise<void> {
    await this.loadStored();
  }

  get current(): LeagueSnapshot | null {
    return this.snapshot;
  }

  /** The snapshot, or a 503 while there is none. */
  require(): LeagueSnapshot {
    if (!this.snapshot) throw new DataNotReadyException();
    return this.snapshot;
  }

  /** Where the current snapshot came from; decides the next sync's kind. */
  get provenance(): LeagueProvenance {
    return this.origin;
  }

  replace(snapshot: LeagueSnapshot, provenance?: LeagueProvenance): void {
    this.snapshot = snapshot;
    if (provenance) this.origin = provenance;
  }

  /** Loads the last stored league; false when nothing is stored yet. */
  async loadStored(): Promise<boolean> {
    const started = Date.now();
    const stored = await this.repository.loadLeague();
    if (!stored) {
      this.logger.log('No stored league yet: waiting for the first sync');
      return false;
    }
    this.snapshot = new LeagueSnapshot(
      stored.data,
      { syncedAt: stored.syncedAt, modifiedAt: stored.modifiedAt },
      stored.contentHash,
    );
    this.origin = stored.provenance;
    this.logger.log(
      `Loaded stored league synced at ${stored.syncedAt.toISOString()}: ` +
        `${stored.data.teams.length} teams, ${this.snapshot.playerCount} players, ` +
        `${stored.data.matches.length} matches, ${stored.data.goals.length} goals ` +
        `in ${Date.now() - started} ms`,
    );
    return true;
  }
}
