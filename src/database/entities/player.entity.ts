import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('players')
export class PlayerEntity {
  @PrimaryColumn('integer')
  id: number;

  @Column('text')
  name: string;

  @Column('text')
  surname: string;

  @Column('integer', { nullable: true })
  number: number | null;
}
