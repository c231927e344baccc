import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DataEndpoint } from '../common/http/data-freshness.interceptor';
import { ErrorBodyDto } from '../common/http/error-body.dto';
import { TeamStatsDto } from '../stats/dto/team-stats.dto';
import { StatsService } from '../stats/stats.service';
import { TeamIdParamsDto } from './dto/team-id-params.dto';
import { TeamProfileDto } from './dto/team-profile.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(
    private readonly stats: StatsService,
    private readonly teams: TeamsService,
  ) {}

  /**
   * Every team with its statistics, ordered as a league table.
   *
   * @remarks Three points for a win and one for a draw; ties broken by goal difference, then goals scored, then name.
   */
  @Get()
  @DataEndpoint()
  listTeams(): TeamStatsDto[] {
    return this.stats.table().map((stats) => TeamStatsDto.from(stats));
  }

  /**
   * A team with its statistics, its roster and its matches.
   */
  @Get(':id')
  @DataEndpoint()
  @ApiBadRequestResponse({
    description: 'id is not a non-negative integer of at most 15 digits',
    type: ErrorBodyDto,
  })
  @ApiNotFoundResponse({
    description: 'No team has this id',
    type: ErrorBodyDto,
  })
  getTeam(@Param() params: TeamIdParamsDto): TeamProfileDto {
    return TeamProfileDto.fromProfile(this.teams.profile(params.id));
  }
}
