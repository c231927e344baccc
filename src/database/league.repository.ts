import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not, ObjectLiteral } from 'typeorm';
import { LeagueData } from '../league/league.types';
import {
  GoalEntity,
  MatchEntity,
  PlayerEntity,
  RosterEntryEntity,
  SyncRunEntity,
  TeamEntity,
} from './entities';
import { SyncKind } from './entities/sync-run.entity';

/** Rows per INSERT: well under SQLite's limit on bound parameters. */
const INSERT_CHUNK = 150;

export interface StoredLeague {
  data: LeagueData;
  contentHash: string;
  syncedAt: Date;
  modifiedAt: Date;
  provenance: LeagueProvenance;
}

/** Where the stored league came from, and when it was last fetched whole. */
export interface LeagueProvenance {
  source: string | null;
  fullSyncedAt: Date | null;
}

export interface RunCounts {
  requests: number;
  changes: number;
}

/** Reads and replaces the stored league; records every sync run. */
@Injectable()
export class LeagueRepository {
  constructor(private readonly dataSource: DataSource) {}

  async startRun(kind: SyncKind, source: string): Promise<SyncRunEntity> {
    const run = this.dataSource.getRepository(SyncRunEntity).create({
      kind,
      source,
      outcome: 'running',
      startedAt: new Date(),
      finishedAt: null,
      contentHash: null,
      error: null,
    });
    return this.dataSource.getRepository(SyncRunEntity).save(run);
  }

  async failRun(
    run: SyncRunEntity,
    error: string,
    requests: number,
  ): Promise<void> {
    await this.dataSource.getRepository(SyncRunEntity).update(run.id, {
      outcome: 'failed',
      finishedAt: new Date(),
      requests,
      error: error.slice(0, 2000),
    });
  }

  /** A run stopped by a shutdown of the service: nothing of it was stored. */
  async abandonRun(
    run: SyncRunEntity,
    reason: string,
    requests: number,
  ): Promise<void> {
    await this.dataSource.getRepository(SyncRunEntity).update(run.id, {
      outcome: 'abandoned',
      finishedAt: new Date(),
      requests,
      error: reason.slice(0, 2000),
    });
  }

  /** Runs left 'running' by a process that died are recorded as abandoned. */
  async abandonUnfinishedRuns(): Promise<number> {
    const result = await this.dataSource.getRepository(SyncRunEntity).update(
      { outcome: 'running' },
      {
        outcome: 'abandoned',
        finishedAt: new Date(),
        error: 'process stopped during the sync',
      },
    );
    return result.affected ?? 0;
  }

  /**
   * Replaces the whole league and closes the run in one transaction: readers
   * of the file see the old league or the new one, never a mix.
   */
  async replaceLeague(
    run: SyncRunEntity,
    data: LeagueData,
    contentHash: string,
    counts: RunCounts,
  ): Promise<SyncRunEntity> {
    return this.dataSource.transaction(async (manager) => {
      for (const table of [
        'goals',
        'matches',
        'roster_entries',
        'players',
        'teams',
      ]) {
        await manager.query(`DELETE FROM "${table}"`);
      }
      await insertChunked(
        manager,
        TeamEntity,
        data.teams.map(({ id, name }) => ({ id, name })),
      );
      await insertChunked(manager, PlayerEntity, data.players);
      await insertChunked(
        manager,
        RosterEntryEntity,
        data.teams.flatMap((team) =>
          team.playerIds.map((playerId, position) => ({
            teamId: team.id,
            playerId,
            position,
          })),
        ),
      );
      await insertChunked(manager, MatchEntity, data.matches);
      await insertChunked(manager, GoalEntity, data.goals);
      return closeRun(manager, run, data, contentHash, counts);
    });
  }

  /** Records a successful run whose content equals what is stored. */
  async confirmLeague(
    run: SyncRunEntity,
    data: LeagueData,
    contentHash: string,
    counts: RunCounts,
  ): Promise<SyncRunEntity> {
    return closeRun(this.dataSource.manager, run, data, contentHash, counts);
  }

  /** The league as the last successful sync stored it; null before any. */
  async loadLeague(): Promise<StoredLeague | null> {
    // One read transaction: a sync committing meanwhile is seen whole or not at all.
    return this.dataSource.transaction((manager) => this.readLeague(manager));
  }

  private async readLeague(
    manager: EntityManager,
  ): Promise<StoredLeague | null> {
    const runs = manager.getRepository(SyncRunEntity);
    const last = await runs.findOne({
      where: { outcome: 'succeeded' },
      order: { id: 'DESC' },
    });
    if (!last?.finishedAt || !last.contentHash) return null;
    const lastFull = await runs.findOne({
      where: {
        outcome: 'succeeded',
        kind: 'full',
        source: last.source ?? undefined,
      },
      order: { id: 'DESC' },
    });

    const [teams, players, roster, matches, goals] = await Promise.all([
      manager.find(TeamEntity, { order: { id: 'ASC' } }),
      manager.find(PlayerEntity, { order: { id: 'ASC' } }),
      manager.find(RosterEntryEntity, {
        order: { teamId: 'ASC', position: 'ASC' },
      }),
      manager.find(MatchEntity, { order: { id: 'ASC' } }),
      manager.find(GoalEntity, { order: { id: 'ASC' } }),
    ]);
    const rosters = new Map<number, number[]>();
    for (const entry of roster) {
      const playerIds = rosters.get(entry.teamId) ?? [];
      playerIds.push(entry.playerId);
      rosters.set(entry.teamId, playerIds);
    }

    return {
      data: {
        teams: teams.map(({ id, name }) => ({
          id,
          name,
          playerIds: rosters.get(id) ?? [],
        })),
        players: players.map(({ id, name, surname, number }) => ({
          id,
          name,
          surname,
          number,
        })),
        matches: matches.map(
          ({ id, team1Id, team2Id, team1Score, team2Score }) => ({
            id,
            team1Id,
            team2Id,
            team1Score,
            team2Score,
          }),
        ),
        goals: goals.map(({ id, playerId, matchId, minute }) => ({
          id,
          playerId,
          matchId,
          minute,
        })),
      },
      contentHash: last.contentHash,
      syncedAt: last.finishedAt,
      modifiedAt: await this.modifiedAt(manager, last),
      provenance: {
        source: last.source,
        fullSyncedAt: lastFull?.finishedAt ?? null,
      },
    };
  }

  async recentRuns(limit: number): Promise<SyncRunEntity[]> {
    return this.dataSource
      .getRepository(SyncRunEntity)
      .find({ order: { id: 'DESC' }, take: limit });
  }

  async lastRun(
    outcome?: 'succeeded' | 'failed',
  ): Promise<SyncRunEntity | null> {
    return this.dataSource.getRepository(SyncRunEntity).findOne({
      where: outcome ? { outcome } : {},
      order: { id: 'DESC' },
    });
  }

  /** The latest run that has ended, whatever its outcome. */
  async lastFinishedRun(): Promise<SyncRunEntity | null> {
    return this.dataSource.getRepository(SyncRunEntity).findOne({
      where: { outcome: Not('running') },
      order: { id: 'DESC' },
    });
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** When this content was first stored: the oldest success of the latest streak. */
  private async modifiedAt(
    manager: EntityManager,
    last: SyncRunEntity,
  ): Promise<Date> {
    const earlierChange = await manager
      .getRepository(SyncRunEntity)
      .createQueryBuilder('run')
      .where('run.outcome = :outcome', { outcome: 'succeeded' })
      .andWhere('run.content_hash != :hash', { hash: last.contentHash })
      .orderBy('run.id', 'DESC')
      .getOne();
    const firstOfStreak = await manager
      .getRepository(SyncRunEntity)
      .createQueryBuilder('run')
      .where('run.outcome = :outcome', { outcome: 'succeeded' })
      .andWhere('run.id > :after', { after: earlierChange?.id ?? 0 })
      .orderBy('run.id', 'ASC')
      .getOne();
    return firstOfStreak?.finishedAt ?? last.finishedAt ?? new Date();
  }
}

function closeRun(
  manager: EntityManager,
  run: SyncRunEntity,
  data: LeagueData,
  contentHash: string,
  counts: RunCounts,
): Promise<SyncRunEntity> {
  Object.assign(run, {
    outcome: 'succeeded',
    finishedAt: new Date(),
    requests: counts.requests,
    changes: counts.changes,
    teams: data.teams.length,
    players: data.players.length,
    matches: data.matches.length,
    goals: data.goals.length,
    contentHash,
    error: null,
  });
  return manager.getRepository(SyncRunEntity).save(run);
}

async function insertChunked<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => T,
  rows: Partial<T>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + INSERT_CHUNK))
      .updateEntity(false)
      .execute();
  }
}
