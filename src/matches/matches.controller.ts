import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DataEndpoint } from '../common/http/data-freshness.interceptor';
import { ErrorBodyDto } from '../common/http/error-body.dto';
import { MatchPageDto } from './dto/match-page.dto';
import { MatchesQueryDto } from './dto/matches-query.dto';
import { MatchesService } from './matches.service';

@ApiTags('matches')
@Controller('matches')
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  /**
   * Matches with their teams and scores, ordered by id, a page at a time; all of them or one team's.
   */
  @Get()
  @DataEndpoint()
  @ApiBadRequestResponse({
    description:
      'team_id not a non-negative integer, or limit or offset out of range or not an integer',
    type: ErrorBodyDto,
  })
  @ApiNotFoundResponse({
    description: 'No team has the id given as team_id',
    type: ErrorBodyDto,
  })
  listMatches(@Query() query: MatchesQueryDto): MatchPageDto {
    return MatchPageDto.from(this.matches.list(query.team_id, query));
  }
}
