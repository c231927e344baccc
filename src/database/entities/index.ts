import { GoalEntity } from './goal.entity';
import { MatchEntity } from './match.entity';
import { PlayerEntity } from './player.entity';
import { RosterEntryEntity } from './roster-entry.entity';
import { SyncRunEntity } from './sync-run.entity';
import { TeamEntity } from './team.entity';

export {
  GoalEntity,
  MatchEntity,
  PlayerEntity,
  RosterEntryEntity,
  SyncRunEntity,
  TeamEntity,
};

export const ENTITIES = [
  TeamEntity,
  PlayerEntity,
  RosterEntryEntity,
  MatchEntity,
  GoalEntity,
  SyncRunEntity,
];
