import { Injectable } from '@nestjs/common';
import { TeamNotFoundException } from '../common/http/not-found.exceptions';
import { TeamStats } from '../league/league-snapshot';
import { LeagueService } from '../league/league.service';

/** Wins, losses, draws and goals of a team. */
@Injectable()
export class StatsService {
  constructor(private readonly league: LeagueService) {}

  /** The team named exactly so; undefined when there is none. */
  find(teamName: string): TeamStats | undefined {
    const league = this.league.require();
    const team = league.teamByName(teamName);
    return team && league.teamStats(team.id);
  }

  /** Like `find`, but a 404 naming close team names when there is none. */
  get(teamName: string): TeamStats {
    const stats = this.find(teamName);
    if (!stats) {
      const suggestions = this.league.require().suggestTeamNames(teamName);
      throw new TeamNotFoundException(teamName, suggestions);
    }
    return stats;
  }

  /** Every team, ordered as a league table. */
  table(): readonly TeamStats[] {
    return this.league.require().leagueTable();
  }
}
