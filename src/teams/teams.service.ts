import { Injectable } from '@nestjs/common';
import { TeamIdNotFoundException } from '../common/http/not-found.exceptions';
import { TeamStats } from '../league/league-snapshot';
import { LeagueService } from '../league/league.service';
import { Match, Player, Team } from '../league/league.types';

/** A match seen from one of its teams. */
export interface TeamMatch {
  match: Match;
  /** Which side of the match the team played. */
  side: 'team1' | 'team2';
  /** Undefined when the match names a team the upstream does not list. */
  opponent: Team | undefined;
}

export interface TeamProfile {
  stats: TeamStats;
  roster: Player[];
  matches: TeamMatch[];
}

/** Teams with their statistics, rosters and matches. */
@Injectable()
export class TeamsService {
  constructor(private readonly league: LeagueService) {}

  /** The team's statistics, roster and matches by id; 404 naming `parameter`. */
  profile(id: number, parameter = 'id'): TeamProfile {
    const league = this.league.require();
    const stats = league.teamStats(id);
    if (!stats) throw new TeamIdNotFoundException(parameter, id);

    const matches = league.matchesOf(id).map((match): TeamMatch => {
      const side = match.team1Id === id ? 'team1' : 'team2';
      const opponentId = side === 'team1' ? match.team2Id : match.team1Id;
      return { match, side, opponent: league.team(opponentId) };
    });
    return { stats, roster: league.roster(id), matches };
  }
}
