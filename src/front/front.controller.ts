import {
  applyDecorators,
  Controller,
  Get,
  Query,
  Render,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  GoalsPageQueryDto,
  StatsPageQueryDto,
  VersusPageQueryDto,
} from './dto/page-queries.dto';
import { FrontPages } from './front-pages.service';
import { GoalsPage } from './goals-page.view-model';
import { LeaguePage } from './league-page.view-model';
import { PageFreshnessInterceptor } from './page-freshness.interceptor';
import { StatsPage } from './stats-page.view-model';
import { VersusPage } from './versus-page.view-model';

const HTML = { 'text/html': { schema: { type: 'string' } } };

/** A page with a form: its answer, or the form again saying what is wrong. */
function FormPage(answer: string, notFound: string) {
  return applyDecorators(
    ApiOkResponse({
      description: `The form; with parameters, also ${answer}`,
      content: HTML,
    }),
    ApiBadRequestResponse({
      description: 'The form again, naming the parameter that is wrong',
      content: HTML,
    }),
    ApiNotFoundResponse({ description: notFound, content: HTML }),
  );
}

@ApiTags('pages')
@ApiProduces('text/html')
@ApiServiceUnavailableResponse({
  description: 'No data stored yet: a page saying so, with Retry-After',
  content: HTML,
})
@Controller('front')
@UseInterceptors(PageFreshnessInterceptor)
export class FrontController {
  constructor(private readonly pages: FrontPages) {}

  /** League table page */
  @Get()
  @Render('league')
  @ApiOkResponse({
    description: 'Every team ranked by points, each linking to its page',
    content: HTML,
  })
  leaguePage(): Promise<LeaguePage> {
    return this.pages.leaguePage();
  }

  /** Team stats page */
  @Get('stats')
  @Render('stats')
  @FormPage(
    "the team's record, matches and roster",
    'The form again, suggesting close team names',
  )
  statsPage(@Query() query: StatsPageQueryDto): Promise<StatsPage> {
    return this.pages.statsPage(query.team_name);
  }

  /** Head-to-head page */
  @Get('versus')
  @Render('versus')
  @FormPage(
    'both players and the matches they met in',
    'The form again, naming the unknown player',
  )
  versusPage(@Query() query: VersusPageQueryDto): Promise<VersusPage> {
    return this.pages.versusPage(query.player1_id, query.player2_id);
  }

  /** Player goals page */
  @Get('goals')
  @Render('goals')
  @FormPage(
    "the player's goals with match, opponent, score and minute",
    'The form again, saying no player or scorer has the id',
  )
  goalsPage(@Query() query: GoalsPageQueryDto): Promise<GoalsPage> {
    return this.pages.goalsPage(query.player_id);
  }
}
