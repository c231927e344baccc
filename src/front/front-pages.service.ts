import { parseQueryInteger } from '../common/validation/query-integer';
import { BadRequestException, Injectable } from '@nestjs/common';
import { ErrorBodyDto } from '../common/http/error-body.dto';
import { GoalsService } from '../goals/goals.service';
import { LeagueService } from '../league/league.service';
import { StatsService } from '../stats/stats.service';
import { VersusService } from '../versus/versus.service';
import { GoalsPage, goalsAnswer, goalsPage } from './goals-page.view-model';
import {
  PageFrame,
  pageFrame,
  PageName,
  pageProblem,
} from './layout.view-model';
import { LeaguePage, leaguePage } from './league-page.view-model';
import { StalenessService } from './staleness.service';
import { statsPage, StatsPage, teamReport } from './stats-page.view-model';
import { versusAnswer, VersusPage, versusPage } from './versus-page.view-model';

export interface RenderedProblem {
  view: string;
  model: object;
}

const TITLES: Record<PageName, string> = {
  league: 'League table',
  stats: 'Team stats',
  versus: 'Head-to-head',
  goals: 'Goals',
};

/** Which page a path under /front belongs to; null for any other path. */
export function pageAt(path: string): PageName | null {
  const page = path.replace(/\/+$/, '');
  if (page === '/front') return 'league';
  const match = /^\/front\/(stats|versus|goals)$/.exec(page);
  return match ? (match[1] as PageName) : null;
}

export function isPagePath(path: string): boolean {
  return path === '/front' || path.startsWith('/front/');
}

/** Once one player is asked for, both must be: as in the JSON API. */
function required(parameter: string, id: number | undefined): number {
  if (id === undefined)
    throw new BadRequestException(`${parameter} is required`);
  return id;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Builds every page from the services the JSON API answers with: the pages
 * add presentation, never numbers of their own.
 */
@Injectable()
export class FrontPages {
  constructor(
    private readonly league: LeagueService,
    private readonly stats: StatsService,
    private readonly versus: VersusService,
    private readonly goals: GoalsService,
    private readonly staleness: StalenessService,
  ) {}

  async leaguePage(): Promise<LeaguePage> {
    return leaguePage(await this.frame('league'), this.stats.table());
  }

  async statsPage(teamName?: string): Promise<StatsPage> {
    const league = this.league.require();
    const team =
      teamName === undefined
        ? null
        : teamReport(league, this.stats.get(teamName), (playerId) =>
            this.goals.ofPlayer(playerId),
          );
    const frame = await this.frame('stats', team?.name);
    return statsPage(frame, league, teamName ?? '', team);
  }

  async versusPage(player1?: number, player2?: number): Promise<VersusPage> {
    const league = this.league.require();
    const asked = player1 !== undefined || player2 !== undefined;
    const answer = asked
      ? versusAnswer(
          league,
          this.versus.compare(
            required('player1_id', player1),
            required('player2_id', player2),
          ),
        )
      : null;
    const frame = await this.frame(
      'versus',
      answer && `${answer.player1.name} v ${answer.player2.name}`,
    );
    return versusPage(frame, league, { player1, player2 }, answer);
  }

  async goalsPage(playerId?: number): Promise<GoalsPage> {
    const league = this.league.require();
    const answer =
      playerId === undefined
        ? null
        : goalsAnswer(league, playerId, this.goals.ofPlayer(playerId));
    const frame = await this.frame(
      'goals',
      answer && `Goals of ${answer.player?.name ?? `player #${playerId}`}`,
    );
    return goalsPage(frame, league, playerId, answer);
  }

  /**
   * The page that was asked for, its form filled in as far as the query
   * allows, with the problem in place of the answer.
   */
  async problemPage(
    path: string,
    query: Record<string, unknown>,
    body: ErrorBodyDto,
    retryAfterSeconds: number | null,
  ): Promise<RenderedProblem> {
    const page = pageAt(path);
    const league = this.league.current;
    const problem = pageProblem(body, page);
    const frame = {
      ...(await this.frame(page, problem.heading)),
      refreshSeconds: retryAfterSeconds,
    };

    switch (page) {
      case 'stats': {
        const model = statsPage(frame, league, text(query.team_name), null);
        return { view: 'stats', model: { ...model, problem } };
      }
      case 'versus': {
        const selected = {
          player1: parseQueryInteger(query.player1_id),
          player2: parseQueryInteger(query.player2_id),
        };
        const model = versusPage(frame, league, selected, null);
        return { view: 'versus', model: { ...model, problem } };
      }
      case 'goals': {
        const model = goalsPage(
          frame,
          league,
          parseQueryInteger(query.player_id),
          null,
        );
        return { view: 'goals', model: { ...model, problem } };
      }
      default:
        return { view: 'error', model: { ...frame, problem } };
    }
  }

  private async frame(
    page: PageName | null,
    subject?: string | null,
  ): Promise<PageFrame> {
    const section = page ? TITLES[page] : 'LKSH league';
    const title = subject ? `${subject} · ${section}` : section;
    return pageFrame(
      page,
      title,
      this.league.current?.times.syncedAt ?? null,
      await this.staleness.failingSince(),
    );
  }
}
