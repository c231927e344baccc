import { Injectable } from '@nestjs/common';
import { ScorerNotFoundException } from '../common/http/not-found.exceptions';
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
      throw new ScorerNotFoundException('player_id', playerId);
    }
    return league.goalsOf(playerId);
  }
}
