import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { PlayerDto } from '../common/dto/league.dto';
import { DataEndpoint } from '../common/http/data-freshness.interceptor';
import { ErrorBodyDto } from '../common/http/error-body.dto';
import { PlayerIdParamsDto } from './dto/player-id-params.dto';
import { PlayerPageDto } from './dto/player-page.dto';
import { PlayersQueryDto } from './dto/players-query.dto';
import { PlayersService } from './players.service';

@ApiTags('players')
@Controller('players')
export class PlayersController {
  constructor(private readonly players: PlayersService) {}

  /**
   * Rostered players whose display name contains the search text, with their teams, a page at a time.
   */
  @Get()
  @DataEndpoint()
  @ApiBadRequestResponse({
    description:
      'search repeated or too long, or limit or offset out of range or not an integer',
    type: ErrorBodyDto,
  })
  listPlayers(@Query() query: PlayersQueryDto): PlayerPageDto {
    return PlayerPageDto.from(this.players.search(query.search ?? '', query));
  }

  /**
   * A rostered player with the teams that list him.
   */
  @Get(':id')
  @DataEndpoint()
  @ApiBadRequestResponse({
    description: 'id is not a non-negative integer of at most 15 digits',
    type: ErrorBodyDto,
  })
  @ApiNotFoundResponse({
    description: 'No rostered player has this id',
    type: ErrorBodyDto,
  })
  getPlayer(@Param() params: PlayerIdParamsDto): PlayerDto {
    return PlayerDto.from(this.players.get(params.id));
  }
}
