import { TeamStats } from '../../league/league-snapshot';

export class TeamRefDto {
  /** @example 6 */
  id: number;

  /** @example "Chelsea" */
  name: string;
}

export class TeamStatsDto {
  team: TeamRefDto;

  /** Matches the team scored more goals in than it conceded. @example 21 */
  wins: number;

  /** @example 15 */
  losses: number;

  /** Matches with equal scores: neither a win nor a loss. @example 3 */
  draws: number;

  /** @example 105 */
  goals_scored: number;

  /** @example 85 */
  goals_conceded: number;

  /** Goals scored minus goals conceded. @example 20 */
  goal_difference: number;

  /** @example 39 */
  matches_played: number;

  static from(stats: TeamStats): TeamStatsDto {
    return {
      team: { id: stats.team.id, name: stats.team.name },
      wins: stats.wins,
      losses: stats.losses,
      draws: stats.draws,
      goals_scored: stats.goalsScored,
      goals_conceded: stats.goalsConceded,
      goal_difference: stats.goalDifference,
      matches_played: stats.matchesPlayed,
    };
  }
}
