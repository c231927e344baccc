import { Injectable } from '@nestjs/common';
import { PlayerNotFoundException } from '../common/http/not-found.exceptions';
import { Match } from '../league/league.types';
import { LeagueService } from '../league/league.service';
import { PlayerProfile } from '../league/player-profile';

export interface Versus {
  player1: PlayerProfile;
  player2: PlayerProfile;
  matches: Match[];
}

/** How often two players met: one on team1's roster, the other on team2's. */
@Injectable()
export class VersusService {
  constructor(private readonly league: LeagueService) {}

  /** The number of matches they met in; 0 when either player is unknown. */
  count(player1Id: number, player2Id: number): number {
    return this.league.require().meetings(player1Id, player2Id).length;
  }

  /** Both players and the matches they met in; 404 naming an unknown one. */
  compare(player1Id: number, player2Id: number): Versus {
    const league = this.league.require();
    const profile = (parameter: string, id: number): PlayerProfile => {
      const player = league.player(id);
      if (!player) throw new PlayerNotFoundException(parameter, id);
      return { player, teams: league.teamsOf(id) };
    };
    return {
      player1: profile('player1_id', player1Id),
      player2: profile('player2_id', player2Id),
      matches: league.meetings(player1Id, player2Id),
    };
  }
}
