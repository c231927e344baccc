import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SyncKind = 'full' | 'incremental';
export type SyncOutcome = 'running' | 'succeeded' | 'failed' | 'abandoned';

/** One attempt to bring the stored league up to date with the upstream. */
@Entity('sync_runs')
export class SyncRunEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('text')
  kind: SyncKind;

  @Index('idx_sync_runs_outcome')
  @Column('text')
  outcome: SyncOutcome;

  @Column('datetime', { name: 'started_at' })
  startedAt: Date;

  @Column('datetime', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  /** HTTP requests sent to the upstream, retries and logins included. */
  @Column('integer', { default: 0 })
  requests: number;

  @Column('integer', { default: 0 })
  teams: number;

  @Column('integer', { default: 0 })
  players: number;

  @Column('integer', { default: 0 })
  matches: number;

  @Column('integer', { default: 0 })
  goals: number;

  /** Rows added, changed or removed compared with the previous data. */
  @Column('integer', { default: 0 })
  changes: number;

  /** Hash of the stored content after a successful run. */
  @Column('text', { name: 'content_hash', nullable: true })
  contentHash: string | null;

  @Column('text', { nullable: true })
  error: string | null;

  /** The upstream synced from: its base URL, or the demo dataset. */
  @Column('text', { nullable: true })
  source: string | null;
}
