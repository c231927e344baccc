import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('matches')
export class MatchEntity {
  @PrimaryColumn('integer')
  id: number;

  @Column('integer', { name: 'team1_id' })
  team1Id: number;

  @Column('integer', { name: 'team2_id' })
  team2Id: number;

  @Column('integer', { name: 'team1_score' })
  team1Score: number;

  @Column('integer', { name: 'team2_score' })
  team2Score: number;
}
