import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DataEndpoint } from '../common/http/data-freshness.interceptor';
import { ErrorBodyDto } from '../common/http/error-body.dto';
import { StatsQueryDto } from './dto/stats-query.dto';
import { TeamStatsDto } from './dto/team-stats.dto';
import { StatsService } from './stats.service';

@ApiTags('statistics')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /**
   * A team's wins, losses, draws and goals, by its exact name.
   */
  @Get()
  @DataEndpoint()
  @ApiBadRequestResponse({
    description: 'team_name missing, empty, repeated or too long',
    type: ErrorBodyDto,
  })
  @ApiNotFoundResponse({
    description: 'No team has this exact name; close names are suggested',
    type: ErrorBodyDto,
    example: {
      status: 404,
      error: 'Not Found',
      message: 'No team is named "Chelsee"',
      path: '/stats',
      suggestions: ['Chelsea'],
    },
  })
  getStats(@Query() query: StatsQueryDto): TeamStatsDto {
    return TeamStatsDto.from(this.stats.get(query.team_name));
  }
}
