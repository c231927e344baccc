import { displayName } from '../../league/display-name';
import { Player } from '../../league/league.types';
import { TeamStatsDto } from '../../stats/dto/team-stats.dto';
import { TeamMatch, TeamProfile } from '../teams.service';

export class RosterPlayerDto {
  /** @example 6 */
  id: number;

  /** @example "Michel" */
  name: string;

  /** Empty when the upstream gives none. @example "Platini" */
  surname: string;

  /** `name` and `surname` joined by one space, leaving out an empty part. @example "Michel Platini" */
  display_name: string;

  /** Shirt number, null when the upstream gives none. @example 27 */
  number: number | null;

  static from(player: Player): RosterPlayerDto {
    return {
      id: player.id,
      name: player.name,
      surname: player.surname,
      display_name: displayName(player),
      number: player.number,
    };
  }
}

export class TeamMatchDto {
  /** @example 5 */
  id: number;

  /** Id of the other team. @example 1 */
  opponent_id: number;

  /** Name of the other team; null when the upstream does not list it. @example "Real Madrid" */
  opponent_name: string | null;

  /** Which side of the match this team played. @example "team2" */
  side: 'team1' | 'team2';

  /** Goals this team scored. @example 0 */
  goals_scored: number;

  /** Goals the opponent scored. @example 2 */
  goals_conceded: number;

  /** A win for the side with more goals; equal scores are a draw. @example "loss" */
  result: 'win' | 'loss' | 'draw';

  static from({ match, side, opponent }: TeamMatch): TeamMatchDto {
    const home = side === 'team1';
    const scored = home ? match.team1Score : match.team2Score;
    const conceded = home ? match.team2Score : match.team1Score;
    return {
      id: match.id,
      opponent_id: home ? match.team2Id : match.team1Id,
      opponent_name: opponent?.name ?? null,
      side,
      goals_scored: scored,
      goals_conceded: conceded,
      result: scored > conceded ? 'win' : scored < conceded ? 'loss' : 'draw',
    };
  }
}

/** The /stats answer for the team, with its roster and its matches. */
export class TeamProfileDto extends TeamStatsDto {
  /** Players the team's roster lists, in the upstream's order. */
  roster: RosterPlayerDto[];

  /** The team's matches, ordered by id. */
  matches: TeamMatchDto[];

  static fromProfile(profile: TeamProfile): TeamProfileDto {
    return {
      ...TeamStatsDto.from(profile.stats),
      roster: profile.roster.map((player) => RosterPlayerDto.from(player)),
      matches: profile.matches.map((match) => TeamMatchDto.from(match)),
    };
  }
}
