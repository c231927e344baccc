import { Injectable, Logger } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { Writable } from 'node:stream';
import { displayName, signed } from '../league/display-name';
import { LeagueService } from '../league/league.service';
import { StatsService } from '../stats/stats.service';
import { SyncProgress, SyncReport, SyncService } from '../sync/sync.service';
import { VersusService } from '../versus/versus.service';
import { ConsoleQuery, parseConsoleQuery } from './console-query';

/**
 * The console program's work: bring the data up to date, print the players,
 * answer stats? and versus? queries line by line until EOF.
 */
@Injectable()
export class ConsoleSession {
  private readonly logger = new Logger('Console');

  constructor(
    private readonly league: LeagueService,
    private readonly sync: SyncService,
    private readonly stats: StatsService,
    private readonly versus: VersusService,
  ) {}

  /**
   * Syncs, falling back to the stored data when the upstream cannot be
   * reached. False when there is no data at all.
   */
  async prepare(stderr: NodeJS.WriteStream): Promise<boolean> {
    const report = await this.syncWithProgress(stderr);
    const snapshot = this.league.current;
    if (report.outcome === 'succeeded') return true;
    if (!snapshot) {
      stderr.write(
        `lksh-stats: no data: the sync failed (${report.error}) and nothing is stored yet\n`,
      );
      return false;
    }
    stderr.write(
      `lksh-stats: the sync failed (${report.error}); answering from the data synced at ${snapshot.times.syncedAt.toISOString()}\n`,
    );
    return true;
  }

  async runSync(
    stderr: NodeJS.WriteStream,
    full: boolean,
  ): Promise<SyncReport> {
    return this.syncWithProgress(stderr, full ? 'full' : 'auto');
  }

  /** Every rostered player once, sorted by display name, one per line. */
  playerList(): string {
    const players = this.league.require().playersByName();
    return players.map((player) => `${displayName(player)}\n`).join('');
  }

  /** The answer line for a query, or null for a line without one. */
  answer(query: ConsoleQuery): string | null {
    switch (query.kind) {
      case 'stats': {
        const stats = this.stats.find(query.teamName);
        if (!stats) return '0 0 0';
        return `${stats.wins} ${stats.losses} ${signed(stats.goalDifference)}`;
      }
      case 'versus':
        if (query.player1Id === null || query.player2Id === null) return '0';
        return String(this.versus.count(query.player1Id, query.player2Id));
      default:
        return null;
    }
  }

  /** Reads queries until EOF; answers on `out`, explanations on `err`. */
  async answerAll(
    input: NodeJS.ReadableStream,
    out: Writable,
    err: Writable,
  ): Promise<void> {
    let pending = '';
    let output = '';
    let lineNumber = 0;
    const handle = (line: string) => {
      lineNumber++;
      const query = parseConsoleQuery(line);
      if (query.kind === 'invalid') {
        err.write(`line ${lineNumber}: ${query.reason}\n`);
        return;
      }
      const answer = this.answer(query);
      if (answer !== null) output += `${answer}\n`;
    };

    input.setEncoding('utf8');
    let first = true;
    for await (const chunk of input) {
      let text = String(chunk);
      // A byte-order mark, as some editors save it, is not part of a query.
      if (first && text.startsWith('\uFEFF')) text = text.slice(1);
      first = false;
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(handle);
      // Answer what has arrived: someone typing sees each answer at once,
      // while piped input still gets its answers in large blocks.
      await write(out, output);
      output = '';
    }
    if (pending !== '') handle(pending);
    await write(out, output);
  }

  private async syncWithProgress(
    stderr: NodeJS.WriteStream,
    request: 'auto' | 'full' = 'auto',
  ): Promise<SyncReport> {
    if (!stderr.isTTY) return this.sync.sync(request);

    const bar = new SingleBar({
      stream: stderr,
      format: 'Syncing {phase} [{bar}] {value}/{total}',
      hideCursor: true,
      clearOnComplete: true,
    });
    let phase = '';
    const onProgress = (progress: SyncProgress) => {
      if (progress.phase !== phase) {
        if (phase !== '') bar.stop();
        phase = progress.phase;
        bar.start(progress.total, progress.done, { phase });
      } else {
        bar.update(progress.done);
      }
    };
    try {
      return await this.sync.sync(request, onProgress);
    } finally {
      if (phase !== '') bar.stop();
      this.logger.debug('Sync progress finished');
    }
  }
}

function write(stream: Writable, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
