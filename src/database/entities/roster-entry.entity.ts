import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One player on one team's roster; a player may be on several rosters. */
@Entity('roster_entries')
export class RosterEntryEntity {
  @PrimaryColumn('integer', { name: 'team_id' })
  teamId: number;

  @PrimaryColumn('integer', { name: 'player_id' })
  playerId: number;

  /** Place in the upstream's list, so the roster keeps its order. */
  @Column('integer')
  position: number;
}
