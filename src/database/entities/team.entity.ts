import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('teams')
export class TeamEntity {
  @PrimaryColumn('integer')
  id: number;

  @Column('text')
  name: string;
}
