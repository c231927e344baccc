import { GoalsService } from '../goals/goals.service';
import { LeagueSnapshot } from '../league/league-snapshot';
import { LeagueService } from '../league/league.service';
import { StatsService } from '../stats/stats.service';
import { VersusService } from '../versus/versus.service';
import { FrontPages, isPagePath, pageAt } from './front-pages.service';
import { StalenessService } from './staleness.service';

const snapshot = new LeagueSnapshot(
  {
    teams: [
      { id: 1, name: 'Lions', playerIds: [1] },
      { id: 2, name: 'Bears', playerIds: [2] },
    ],
    players: [
      { id: 1, name: 'Ann', surname: 'Lee', number: 9 },
      { id: 2, name: 'Bo', surname: '', number: null },
    ],
    matches: [{ id: 10, team1Id: 1, team2Id: 2, team1Score: 2, team2Score: 1 }],
    goals: [{ id: 1, playerId: 1, matchId: 10, minute: 5 }],
  },
  {
    syncedAt: new Date('2025-05-31T12:00:00Z'),
    modifiedAt: new Date('2025-05-31T12:00:00Z'),
  },
);

function pagesOver(current: LeagueSnapshot | null): FrontPages {
  const league = {
    current,
    require: () => {
      if (!current) throw new Error('no data');
      return current;
    },
  } as LeagueService;
  const staleness = {
    failingSince: () => Promise.resolve(null),
  } as StalenessService;
  return new FrontPages(
    league,
    new StatsService(league),
    new VersusService(league),
    new GoalsService(league),
    staleness,
  );
}

describe('page paths', () => {
  it('tells which page a path under /front shows', () => {
    expect(pageAt('/front')).toBe('league');
    expect(pageAt('/front/')).toBe('league');
    expect(pageAt('/front/stats')).toBe('stats');
    expect(pageAt('/front/versus/')).toBe('versus');
    expect(pageAt('/front/goals')).toBe('goals');
    expect(pageAt('/front/nope')).toBeNull();
    expect(pageAt('/stats')).toBeNull();
  });

  it('claims /front and below, and nothing else', () => {
    expect(isPagePath('/front')).toBe(true);
    expect(isPagePath('/front/anything')).toBe(true);
    expect(isPagePath('/frontier')).toBe(false);
    expect(isPagePath('/stats')).toBe(false);
  });
});

describe('FrontPages', () => {
  const pages = pagesOver(snapshot);

  it('answers the stats page from StatsService and names the team in the title', async () => {
    const page = await pages.statsPage('Lions');

    expect(page.team?.wins).toBe(1);
    expect(page.title).toBe('Lions · Team stats');
    expect(page.freshness.syncedAt?.iso).toBe('2025-05-31T12:00:00.000Z');
  });

  it('shows only the forms when nothing is asked', async () => {
    await expect(pages.statsPage()).resolves.toMatchObject({ team: null });
    await expect(pages.versusPage()).resolves.toMatchObject({ answer: null });
    await expect(pages.goalsPage()).resolves.toMatchObject({ answer: null });
  });

  it('lets an unknown team through as the 404 with suggestions', async () => {
    await expect(pages.statsPage('Lionz')).rejects.toMatchObject({
      status: 404,
      suggestions: ['Lions'],
    });
  });

  it('asks for the second player when only one is given', async () => {
    await expect(pages.versusPage(1)).rejects.toMatchObject({
      status: 400,
      message: 'player2_id is required',
    });
    await expect(pages.versusPage(undefined, 2)).rejects.toMatchObject({
      message: 'player1_id is required',
    });
  });

  it('answers versus and goals from their services', async () => {
    const versus = await pages.versusPage(1, 2);
    const goals = await pages.goalsPage(1);

    expect(versus.answer?.matchesPlayed).toBe(1);
    expect(versus.title).toBe('Ann Lee v Bo · Head-to-head');
    expect(goals.answer?.goals.map((goal) => goal.minute)).toEqual([5]);
  });

  it('puts a problem on the page that was asked, its form refilled', async () => {
    const rendered = await pages.problemPage(
      '/front/versus',
      { player1_id: '2', player2_id: 'abc' },
      {
        status: 400,
        error: 'Bad Request',
        message:
          'player2_id must be a non-negative integer of at most 15 digits',
        path: '/front/versus',
      },
      null,
    );
    const model = rendered.model as Awaited<
      ReturnType<FrontPages['versusPage']>
    >;
    const selected = model.form.player1
      .flatMap((group) => group.players)
      .filter((player) => player.selected);

    expect(rendered.view).toBe('versus');
    expect(model.problem?.heading).toBe(
      'That question cannot be answered as asked',
    );
    expect(selected.map((player) => player.id)).toEqual([2]);
  });

  it('keeps a repeated parameter out of the refilled form', async () => {
    const rendered = await pages.problemPage(
      '/front/stats',
      { team_name: ['a', 'b'] },
      { status: 400, error: 'Bad Request', message: 'x', path: '/front/stats' },
      null,
    );

    expect(rendered.model).toMatchObject({ form: { teamName: '' } });
  });

  it('renders the plain error page for other paths and before any data', async () => {
    const rendered = await pagesOver(null).problemPage(
      '/front',
      {},
      {
        status: 503,
        error: 'Service Unavailable',
        message: 'wait',
        path: '/front',
      },
      30,
    );

    expect(rendered.view).toBe('error');
    expect(rendered.model).toMatchObject({
      refreshSeconds: 30,
      freshness: { syncedAt: null },
      problem: { status: 503, message: 'wait' },
    });
  });
});
