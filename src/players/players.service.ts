import { Injectable } from '@nestjs/common';
import { Page, pageOf, PageQueryDto } from '../common/dto/page.dto';
import { PlayerNotFoundException } from '../common/http/not-found.exceptions';
import { LeagueService } from '../league/league.service';
import { PlayerProfile } from '../league/player-profile';

/** Rostered players with the teams that list them. */
@Injectable()
export class PlayersService {
  constructor(private readonly league: LeagueService) {}

  /** Players whose display name contains `search`, ignoring case; all for none. */
  search(search: string, page: PageQueryDto): Page<PlayerProfile> {
    const league = this.league.require();
    const found = pageOf(league.searchPlayers(search), page);
    return {
      ...found,
      items: found.items.map((player) => ({
        player,
        teams: league.teamsOf(player.id),
      })),
    };
  }

  /** A rostered player by id; 404 for any other id. */
  get(id: number): PlayerProfile {
    const league = this.league.require();
    const player = league.player(id);
    if (!player) throw new PlayerNotFoundException('id', id);
    return { player, teams: league.teamsOf(id) };
  }
}
