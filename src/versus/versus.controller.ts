import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DataEndpoint } from '../common/http/data-freshness.interceptor';
import { ErrorBodyDto } from '../common/http/error-body.dto';
import { VersusQueryDto } from './dto/versus-query.dto';
import { VersusDto } from './dto/versus.dto';
import { VersusService } from './versus.service';

@ApiTags('versus')
@Controller('versus')
export class VersusController {
  constructor(private readonly versus: VersusService) {}

  /**
   * The matches two players met in: one on the roster of team1, the other on the roster of team2.
   */
  @Get()
  @DataEndpoint()
  @ApiBadRequestResponse({
    description: 'An id missing or not a non-negative integer',
    type: ErrorBodyDto,
  })
  @ApiNotFoundResponse({
    description: 'No rostered player has one of the ids',
    type: ErrorBodyDto,
  })
  getVersus(@Query() query: VersusQueryDto): VersusDto {
    return VersusDto.from(
      this.versus.compare(query.player1_id, query.player2_id),
    );
  }
}
