import { Injectable, NotFoundException } from '@nestjs/common';
import { Goal } from '../league/league.types';
import { LeagueService } from '../league/league.service';

/** The goals a player scored. */
@Injectable()
export class GoalsService {
  constructor(private readonly league: LeagueService) {}

  /** Ordered by match, then minute; 404 for an id that is neither a player nor a scorer. */
  ofPlayer(playerId: number): readonly Goal[] {
    const league = this.league.require();
    if (!league.player(playerId) && !league.isScorer(playerId)) {
      throw new NotFoundException(
        `player_id: no player or scorer has id ${playerId}`,
      );
    }
    return league.goalsOf(playerId);
  }
}
