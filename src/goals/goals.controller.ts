import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DataEndpoint } from '../common/http/data-freshness.interceptor';
import { ErrorBodyDto } from '../common/http/error-body.dto';
import { GoalDto } from './dto/goal.dto';
import { GoalsQueryDto } from './dto/goals-query.dto';
import { GoalsService } from './goals.service';

@ApiTags('goals')
@Controller('goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  /**
   * Every goal a player scored, ordered by match and minute; empty for a player without goals.
   */
  @Get()
  @DataEndpoint()
  @ApiBadRequestResponse({
    description: 'player_id missing or not a non-negative integer',
    type: ErrorBodyDto,
  })
  @ApiNotFoundResponse({
    description: 'The id is neither a rostered player nor a scorer',
    type: ErrorBodyDto,
  })
  getGoals(@Query() query: GoalsQueryDto): GoalDto[] {
    return this.goals
      .ofPlayer(query.player_id)
      .map((goal) => GoalDto.from(goal));
  }
}
