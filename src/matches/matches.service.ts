import { Injectable } from '@nestjs/common';
import { Page, pageOf, PageQueryDto } from '../common/dto/page.dto';
import { LeagueService } from '../league/league.service';
import { Match, Team } from '../league/league.types';
import { TeamIdNotFoundException } from '../common/http/not-found.exceptions';

/** A match with the teams it names; undefined for one the upstream does not list. */
export interface MatchWithTeams {
  match: Match;
  team1: Team | undefined;
  team2: Team | undefined;
}

/** Matches, all or of one team, ordered by id. */
@Injectable()
export class MatchesService {
  constructor(private readonly league: LeagueService) {}

  /** One page of the matches, of one team when `teamId` is given; 404 for an unknown team. */
  list(teamId: number | undefined, page: PageQueryDto): Page<MatchWithTeams> {
    const league = this.league.require();
    if (teamId !== undefined && !league.team(teamId)) {
      throw new TeamIdNotFoundException('team_id', teamId);
    }

    const matches =
      teamId === undefined ? league.matches() : league.matchesOf(teamId);
    const found = pageOf(matches, page);
    return {
      ...found,
      items: found.items.map((match) => ({
        match,
        team1: league.team(match.team1Id),
        team2: league.team(match.team2Id),
      })),
    };
  }
}
