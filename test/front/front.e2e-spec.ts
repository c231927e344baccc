import {
  loadSandboxDataset,
  SandboxUpstream,
} from '../../src/sandbox/sandbox-upstream';
import {
  LEAGUE_DATASET,
  LeagueServer,
  startLeagueServer,
  TestApp,
} from '../support/test-app';

interface Page {
  status: number;
  headers: Headers;
  html: string;
}

async function get(base: string, path: string): Promise<Page> {
  const response = await fetch(base + path);
  return {
    status: response.status,
    headers: response.headers,
    html: await response.text(),
  };
}

function query(parameters: Record<string, string>): string {
  return `?${new URLSearchParams(parameters).toString()}`;
}

/** The text of every numeric cell in the league table row of `teamName`. */
function leagueRow(html: string, teamName: string): string[] {
  const rows = html.split('<tr>').filter((row) => row.includes('team-cell'));
  const row = rows.find((candidate) => candidate.includes(`>${teamName}</a>`));
  if (!row) throw new Error(`no league table row for ${teamName}`);
  return [...row.matchAll(/<td class="num[^"]*">([^<]*)<\/td>/g)].map(
    (match) => match[1],
  );
}

function tile(html: string, label: string): string | undefined {
  const pattern = new RegExp(`<dt>${label}</dt><dd[^>]*>([^<]*)</dd>`);
  return pattern.exec(html)?.[1];
}

function expectHtml(page: Page): void {
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.html).toMatch(/^<!doctype html>/);
  expect(page.html).toContain('<meta charset="utf-8">');
  expect(page.html).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

describe('pages over the 2025-05-31 league', () => {
  let league: LeagueServer;
  let sandbox: SandboxUpstream;
  let server: TestApp;

  beforeAll(async () => {
    league = await startLeagueServer();
    ({ sandbox, server } = league);
  });

  afterAll(() => league?.stop());

  it('shows the league table: 40 teams, Chelsea 21 3 15 and +20', async () => {
    const page = await get(server.url, '/front');

    expect(page.status).toBe(200);
    expectHtml(page);
    expect(page.html.match(/<th scope="row" class="team-cell">/g)).toHaveLength(
      40,
    );
    // played, won, drawn, lost, for, against, difference, points
    expect(leagueRow(page.html, 'Chelsea')).toEqual([
      '2',
      '39',
      '21',
      '3',
      '15',
      '105',
      '85',
      '+20',
      '66',
    ]);
    expect(leagueRow(page.html, 'Roma')[7]).toBe('0');
    expect(page.html).toContain(
      'href="/front/stats?team_name&#x3D;Chelsea">Chelsea</a>',
    );
  });

  it('says on every page when the data was synced, and no warning', async () => {
    const page = await get(server.url, '/front/goals');
    const syncedAt = page.headers.get('x-data-synced-at');

    expect(syncedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(page.html).toContain(`Data synced at <time datetime="${syncedAt}">`);
    expect(page.html).not.toContain('unreachable');
  });

  it('shows a team with Cyrillic letters: 12 wins, 21 losses, -23', async () => {
    const page = await get(
      server.url,
      `/front/stats${query({ team_name: 'Вареничная United' })}`,
    );

    expect(page.status).toBe(200);
    expectHtml(page);
    expect(page.html).toContain(
      '<h2 id="team-heading" class="report__title">Вареничная United</h2>',
    );
    expect(tile(page.html, 'Wins')).toBe('12');
    expect(tile(page.html, 'Draws')).toBe('6');
    expect(tile(page.html, 'Losses')).toBe('21');
    expect(tile(page.html, 'Difference')).toBe('-23');
    expect(page.html.match(/class="badge badge--/g)).toHaveLength(39);
    expect(page.html).toContain('href="/front/goals?player_id&#x3D;');
  });

  it('shows only the form when no team is asked for', async () => {
    const page = await get(server.url, '/front/stats');

    expect(page.status).toBe(200);
    expect(page.html).toContain('<form class="ask" method="get"');
    expect(page.html.match(/<option value="[^"]*"><\/option>/g)).toHaveLength(
      40,
    );
    expect(page.html).not.toContain('team-heading');
    expect(page.html).not.toContain('class="problem"');
  });

  it('answers that players 1 and 4 met in 1 match', async () => {
    const page = await get(
      server.url,
      `/front/versus${query({ player1_id: '1', player2_id: '4' })}`,
    );

    expect(page.status).toBe(200);
    expectHtml(page);
    expect(page.html).toMatch(
      /<span class="big-count__number">1<\/span> <span class="big-count__label">match together<\/span>/,
    );
    expect(page.html).toContain('>Lionel Messi</a>');
    expect(page.html).toContain('>Cristiano Ronaldo</a>');
    expect(page.html).toContain('#3</td>');
    expect(page.html).toMatch(/<option value="1" selected>Lionel Messi \(#1\)/);
    expect(page.html).toMatch(/<option value="4" selected>/);
  });

  it('explains a count of 0 instead of leaving it bare', async () => {
    const himself = await get(
      server.url,
      `/front/versus${query({ player1_id: '1', player2_id: '1' })}`,
    );
    const teammates = await get(
      server.url,
      `/front/versus${query({ player1_id: '1', player2_id: '41' })}`,
    );

    expect(himself.status).toBe(200);
    expect(himself.html).toContain('A player never meets himself');
    expect(teammates.status).toBe(200);
    expect(teammates.html).toContain(
      '<span class="big-count__number">0</span>',
    );
    expect(teammates.html).toContain(
      'They were never on opposite sides of a match.',
    );
  });

  it("lists player 1's goals with match, opponent, score and minute", async () => {
    const page = await get(server.url, '/front/goals?player_id=1');
    const minutes = [
      ...page.html.matchAll(/<td class="num fit">(\d+)′<\/td>/g),
    ];

    expect(page.status).toBe(200);
    expectHtml(page);
    expect(minutes.map((match) => Number(match[1]))).toEqual([
      8, 12, 38, 48, 27, 4, 14, 10, 24,
    ]);
    expect(page.html).toContain(
      '<span class="big-count__number">9</span> <span class="big-count__label">goals</span>',
    );
    expect(page.html).toContain('>Juventus</a>');
  });

  it('answers an unknown team with 404, the form kept and close names offered', async () => {
    const page = await get(server.url, '/front/stats?team_name=Chelsee');

    expect(page.status).toBe(404);
    expectHtml(page);
    expect(page.html).toContain('value="Chelsee"');
    expect(page.html).toContain('No such team');
    expect(page.html).toContain(
      '<a class="chip" href="/front/stats?team_name&#x3D;Chelsea">Chelsea</a>',
    );
  });

  it('answers a malformed id with a 400 page naming it, the form kept', async () => {
    const page = await get(
      server.url,
      '/front/versus?player1_id=abc&player2_id=4',
    );

    expect(page.status).toBe(400);
    expectHtml(page);
    expect(page.html).toContain(
      'player1_id must be a non-negative integer of at most 15 digits',
    );
    expect(page.html).toContain('<select id="player1_id" name="player1_id"');
    expect(page.html).toMatch(/<option value="4" selected>/);
  });

  it('answers other bad questions with 4xx pages, never a stack trace', async () => {
    const cases: [string, number, string][] = [
      ['/front/versus?player1_id=1', 400, 'player2_id is required'],
      [
        '/front/versus?player1_id=1&player2_id=999999',
        404,
        'player2_id: no player has id 999999',
      ],
      ['/front/goals?player_id=-1', 400, 'player_id must be'],
      ['/front/goals?player_id=999999', 404, 'no player or scorer'],
      [
        `/front/stats${query({ team_name: 'x'.repeat(201) })}`,
        400,
        'team_name must be at most 200 characters',
      ],
      ['/front/stats?team_name=', 400, 'team_name must not be empty'],
      ['/front/stats?team_name=a&team_name=b', 400, 'team_name must be'],
      ['/front/nope', 404, 'Page not found'],
    ];

    for (const [path, status, text] of cases) {
      const page = await get(server.url, path);
      expect({ path, status: page.status }).toEqual({ path, status });
      expectHtml(page);
      expect(page.html).toContain(text);
    }
  });

  it('leaves JSON errors of the API as they were', async () => {
    const response = await fetch(`${server.url}/stats?team_name=Chelsee`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    await expect(response.json()).resolves.toMatchObject({
      suggestions: ['Chelsea'],
    });
  });

  it('serves the stylesheet itself, not from a CDN', async () => {
    const page = await get(server.url, '/front');
    const css = await fetch(`${server.url}/static/site.css`);

    expect(page.html).toContain(
      '<link rel="stylesheet" href="/static/site.css">',
    );
    expect(page.html).not.toMatch(/<(link|script)[^>]+https?:\/\//);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    await expect(css.text()).resolves.toContain('font-variant-numeric');
  });

  it('lists the pages under their own tag in the OpenAPI document', async () => {
    const response = await fetch(`${server.url}/docs-json`);
    const document = (await response.json()) as {
      paths: Record<string, { get: { tags: string[]; responses: object } }>;
    };

    for (const path of [
      '/front',
      '/front/stats',
      '/front/versus',
      '/front/goals',
    ]) {
      expect(document.paths[path].get.tags).toEqual(['pages']);
      expect(document.paths[path].get.responses).toHaveProperty(
        '200.content.text/html',
      );
    }
  });

  it('warns that the data may be stale once syncing fails', async () => {
    sandbox.setFaults({ outage: 'http500' });
    const report = await server.sync.sync();
    const page = await get(server.url, '/front');

    expect(report.outcome).toBe('failed');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(
      /syncing with the upstream has failed since <time datetime="[^"]+">[^<]+ UTC<\/time>, so the data may be out of date/,
    );
    expect(leagueRow(page.html, 'Chelsea')[2]).toBe('21');
  });
});

describe('pages before the first sync', () => {
  let league: LeagueServer;
  let server: TestApp;

  beforeAll(async () => {
    league = await startLeagueServer({
      faults: { outage: 'http500' },
      waitForFirstSync: false,
    });
    ({ server } = league);
  });

  afterAll(() => league?.stop());

  it('answers 503 pages with Retry-After, the forms still shown', async () => {
    for (const path of [
      '/front',
      '/front/stats?team_name=Chelsea',
      '/front/versus',
    ]) {
      const page = await get(server.url, path);

      expect({ path, status: page.status }).toEqual({ path, status: 503 });
      expectHtml(page);
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(page.html).toContain('The league data is not here yet');
      expect(page.html).toContain('No league data has been synced yet.');
    }
    const stats = await get(server.url, '/front/stats?team_name=Chelsea');
    expect(stats.html).toContain('value="Chelsea"');
  });
});

describe('pages over hostile names', () => {
  const TEAM = '<script>alert(1)</script>';
  const PLAYER = '"><img src=x onerror=alert(1)>';
  let league: LeagueServer;
  let server: TestApp;
  let playerId: number;

  beforeAll(async () => {
    const dataset = loadSandboxDataset(LEAGUE_DATASET);
    const team = dataset.teams[0] as { name: string; players: number[] };
    team.name = TEAM;
    playerId = team.players[0];
    const player = dataset.players.find(
      (candidate) => (candidate as { id: number }).id === playerId,
    ) as { name: string; surname: string };
    player.name = PLAYER;
    player.surname = '';

    league = await startLeagueServer({ dataset });
    ({ server } = league);
  });

  afterAll(() => league?.stop());

  it('shows them as text on every page, never as markup', async () => {
    const paths = [
      '/front',
      `/front/stats${query({ team_name: TEAM })}`,
      '/front/versus',
      `/front/goals?player_id=${playerId}`,
    ];

    for (const path of paths) {
      const page = await get(server.url, path);

      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.html).not.toContain('<script>alert');
      expect(page.html).not.toContain('<img src=x');
      expect(page.html).not.toContain('"><img');
    }
    const stats = await get(
      server.url,
      `/front/stats${query({ team_name: TEAM })}`,
    );
    expect(stats.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(stats.html).toContain(
      '&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;',
    );
  });

  it('escapes what the URL carries on error pages too', async () => {
    const asked = '<script>alert(2)</script>"';
    const page = await get(
      server.url,
      `/front/stats${query({ team_name: asked })}`,
    );

    expect(page.status).toBe(404);
    expect(page.html).not.toContain('<script>alert');
    expect(page.html).toContain(
      'value="&lt;script&gt;alert(2)&lt;/script&gt;&quot;"',
    );
  });
});
