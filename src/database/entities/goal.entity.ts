import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('goals')
export class GoalEntity {
  @PrimaryColumn('integer')
  id: number;

  /** The scorer's id; the scorer need not be on any stored roster. */
  @Index('idx_goals_player')
  @Column('integer', { name: 'player_id' })
  playerId: number;

  @Index('idx_goals_match')
  @Column('integer', { name: 'match_id' })
  matchId: number;

  @Column('integer')
  minute: number;
}
