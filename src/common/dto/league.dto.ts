import { displayName } from '../../league/display-name';
import { Match } from '../../league/league.types';
import { PlayerProfile } from '../../league/player-profile';
import { TeamRefDto } from '../../stats/dto/team-stats.dto';

export class PlayerDto {
  /** @example 1 */
  id: number;

  /** @example "Lionel" */
  name: string;

  /** Empty when the upstream gives none. @example "Messi" */
  surname: string;

  /** `name` and `surname` joined by one space, leaving out an empty part. @example "Lionel Messi" */
  display_name: string;

  /** Shirt number, null when the upstream gives none. @example 91 */
  number: number | null;

  /** Every team whose roster lists the player. */
  teams: TeamRefDto[];

  static from({ player, teams }: PlayerProfile): PlayerDto {
    return {
      id: player.id,
      name: player.name,
      surname: player.surname,
      display_name: displayName(player),
      number: player.number,
      teams: teams.map(({ id, name }) => ({ id, name })),
    };
  }
}

export class MatchDto {
  /** @example 3 */
  id: number;

  /** Id of the first team. @example 1 */
  team1: number;

  /** Id of the second team. @example 4 */
  team2: number;

  /** @example 0 */
  team1_score: number;

  /** @example 0 */
  team2_score: number;

  static from(match: Match): MatchDto {
    return {
      id: match.id,
      team1: match.team1Id,
      team2: match.team2Id,
      team1_score: match.team1Score,
      team2_score: match.team2Score,
    };
  }
}
