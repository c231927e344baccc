import { Player, Team } from './league.types';

/** A rostered player with the teams that list him. */
export interface PlayerProfile {
  player: Player;
  teams: readonly Team[];
}
