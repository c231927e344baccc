import request from 'supertest';
import { join } from 'node:path';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { CliResult, runCli } from '../support/run-cli';
import {
  makeWorkDir,
  REPOSITORY_ROOT,
  removeWorkDir,
  startSandbox,
  startTestApp,
  TestApp,
  testSettings,
} from '../support/test-app';

// Needs `npx nest build` first: the console program runs from dist/.
// Every expected value here was worked out by hand from the behaviour
// contract; datasets/edge-cases/README.md explains each one.

const EDGE_DATASET = join(REPOSITORY_ROOT, 'datasets', 'edge-cases');

/** The console program's player list: code-point order, ties by id. */
const PLAYER_LIST = [
  '', // 500: empty name, empty surname
  '', // 501: empty name, no surname
  ' Lead Space', // 600
  'E\u0301mile Zola', // 101: decomposed É, starts with a plain E
  'Ivan Petrov', // 7
  'Ivan Petrov', // 42: empty name, surname "Ivan Petrov"
  'Ivan Petrov', // 1000003: name "Ivan Petrov", no surname
  'Nobody  ', // 900: surname is one space, kept
  'Pele', // 701
  'Pel\u00e9', // 700
  'Trail  Space', // 601: name "Trail "
  'Zed', // 0
  'adam smith', // 200
  '\u00c9mile Zola', // 100: composed É, after every ASCII letter
  'Ёжик Туманов', // 300: U+0401 before U+0410
  'Анна Каренина', // 302
  'ёлка Новогодняя', // 800: U+0451 after the whole А..я block
  '\ufb00', // 400: U+FB00, before any astral letter
  '\u{1d504} Astral', // 2147483647: U+1D504
];

/** The same list as ids, to check ties by id through the REST API. */
const PLAYER_IDS = [
  500, 501, 600, 101, 7, 42, 1000003, 900, 701, 700, 601, 0, 200, 100, 300, 302,
  800, 400, 2147483647,
];

const MALFORMED = 'malformed';

/**
 * Queries with their answers: a string is the stdout line, null means the
 * line is skipped, MALFORMED means an explanation on stderr and no answer.
 */
const QUERIES: [string, string | null][] = [
  ['stats? "Lions"', '2 1 -3'],
  ['stats? "lions"', '1 1 +1'],
  ['stats? "LIONS"', '0 0 0'],
  ['stats? "The "Best""', '0 2 -3'],
  ['stats? "The Best"', '0 0 0'],
  ['stats? "Спартак Москва"', '1 0 +4'],
  ['stats? "Atlético Ñandú"', '0 2 -5'],
  ['stats? "Atle\u0301tico N\u0303andu\u0301"', '0 0 0'],
  ['stats? "Atletico Nandu"', '0 0 0'],
  ['stats? "Double  Space"', '1 0 +1'],
  ['stats? "Double Space"', '0 0 0'],
  ['stats? " Padded "   ', '0 1 -1'],
  ['stats? "Padded"', '0 0 0'],
  ['stats? "Ends with quote""', '1 1 0'],
  ['stats? "Ends with quote"', '0 0 0'],
  ['stats? "Idle <FC> & Co"', '0 0 0'],
  ['stats? ""', '1 0 +1'],
  ['stats? "Empty Roster"', '0 1 -3'],
  ['', null],
  ['   ', null],
  ['versus? 7 42', '2'],
  ['versus? 42 7', '2'],
  ['versus? 7 100', '3'],
  ['versus? 100 7', '3'],
  ['versus? 7 200', '2'],
  ['versus? 7 7', '0'],
  ['versus? 0 700', '1'],
  ['versus? 700 0  ', '1'],
  ['versus? 100 101', '0'],
  ['versus? 101 101', '0'],
  ['versus? 1000003 42', '2'],
  ['versus? 300 2147483647', '1'],
  ['versus? 500 600', '1'],
  ['versus? 501 601', '1'],
  ['versus? 200 100', '1'],
  ['versus? 301 400', '0'],
  ['versus? 400 301', '0'],
  ['versus? 5555 300', '0'],
  ['versus? 9000 400', '0'],
  ['versus? 6666 7', '0'],
  ['versus? 7 99999999999999999999', '0'],
  ['versus? 800 7', '0'],
  ['versus? 900 7', '0'],
  ['stats? Lions', MALFORMED],
  ['stats? "Lions', MALFORMED],
  ['versus? 7', MALFORMED],
  ['versus? -1 7', MALFORMED],
  ['versus? 7 42 9', MALFORMED],
  ['hello', MALFORMED],
  ['versus? 7 200', '2'],
];

/** CRLF line endings, with a bare LF now and then and no newline at EOF. */
function queryInput(): string {
  return QUERIES.map(
    ([line], index) =>
      line +
      (index === QUERIES.length - 1 ? '' : index % 5 === 4 ? '\n' : '\r\n'),
  ).join('');
}

function expectedStdout(): string {
  const answers = QUERIES.map(([, answer]) => answer).filter(
    (answer): answer is string => answer !== null && answer !== MALFORMED,
  );
  return [...PLAYER_LIST, ...answers].map((line) => `${line}\n`).join('');
}

/** 1-based numbers of the lines that must get an explanation on stderr. */
function malformedLineNumbers(): number[] {
  return QUERIES.flatMap(([, answer], index) =>
    answer === MALFORMED ? [index + 1] : [],
  );
}

interface StatsBody {
  team: { id: number; name: string };
  wins: number;
  losses: number;
  draws: number;
  goals_scored: number;
  goals_conceded: number;
  goal_difference: number;
  matches_played: number;
}

function stats(
  id: number,
  name: string,
  [wins, losses, draws]: [number, number, number],
  [scored, conceded]: [number, number],
): StatsBody {
  return {
    team: { id, name },
    wins,
    losses,
    draws,
    goals_scored: scored,
    goals_conceded: conceded,
    goal_difference: scored - conceded,
    matches_played: wins + losses + draws,
  };
}

const TEAM_STATS: StatsBody[] = [
  stats(7, 'Lions', [2, 1, 2], [8, 11]),
  stats(8, 'lions', [1, 1, 1], [5, 4]),
  stats(1000003, 'The "Best"', [0, 2, 1], [3, 6]),
  stats(2147483647, 'Спартак Москва', [1, 0, 0], [4, 0]),
  stats(12, 'Atlético Ñandú', [0, 2, 0], [1, 6]),
  stats(13, 'Double  Space', [1, 0, 0], [2, 1]),
  stats(14, ' Padded ', [0, 1, 0], [1, 2]),
  stats(15, 'Ends with quote"', [1, 1, 0], [5, 5]),
  stats(16, 'Idle <FC> & Co', [0, 0, 0], [0, 0]),
  stats(18, 'Empty Roster', [0, 1, 0], [0, 3]),
];

type Goal = [match: number, minute: number];

const GOALS: [number, Goal[]][] = [
  [
    7,
    [
      [1, 10],
      [2, 30],
      [4, 120],
      [5, 1],
      [5, 2],
    ],
  ],
  [
    42,
    [
      [1, 80],
      [5, 3],
    ],
  ],
  [0, [[2, 90]]],
  [
    100,
    [
      [1, 45],
      [1000003, 77],
    ],
  ],
  [
    101,
    [
      [2, 5],
      [2, 5],
    ],
  ],
  [1000003, [[1000003, 12]]],
  [
    200,
    [
      [5, 4],
      [5, 50],
      [5, 89],
    ],
  ],
  [300, [[2147483647, 1]]],
  [2147483647, [[9, 60]]],
  [
    500,
    [
      [10, 44],
      [10, 45],
    ],
  ],
  [
    700,
    [
      [11, 1],
      [11, 30],
      [11, 90],
    ],
  ],
  [
    701,
    [
      [11, 50],
      [11, 51],
    ],
  ],
  [900, [[3, 0]]],
  // On no roster, but a scorer.
  [
    5555,
    [
      [6, 1],
      [6, 2],
      [2147483647, 4],
    ],
  ],
  // Rostered, answered 404 by the upstream, and a scorer.
  [301, [[2147483647, 2]]],
  // In no list at all: scores for team 99, which /teams does not know.
  [
    9000,
    [
      [6, 70],
      [6, 71],
      [6, 72],
      [9, 10],
      [9, 20],
    ],
  ],
  // Rostered players without goals.
  [800, []],
  [501, []],
  [600, []],
];

function match(
  id: number,
  team1: number,
  team2: number,
  team1Score: number,
  team2Score: number,
) {
  return {
    id,
    team1,
    team2,
    team1_score: team1Score,
    team2_score: team2Score,
  };
}

const MEETINGS: [number, number, ReturnType<typeof match>[]][] = [
  [7, 42, [match(4, 7, 1000003, 1, 0), match(5, 7, 1000003, 3, 3)]],
  [
    7,
    100,
    [
      match(1, 7, 8, 2, 1),
      match(2, 8, 7, 2, 2),
      match(1000003, 1000003, 8, 0, 2),
    ],
  ],
  [7, 7, []],
  [0, 700, [match(11, 15, 7, 5, 0)]],
  [100, 101, []],
  [1000003, 42, [match(1, 7, 8, 2, 1), match(2, 8, 7, 2, 2)]],
  [300, 2147483647, [match(2147483647, 2147483647, 12, 4, 0)]],
  [501, 600, [match(10, 13, 14, 2, 1)]],
  [800, 7, []],
];

function byId<T extends { id: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.id - b.id);
}

/** Text of an HTML page with the usual character references decoded. */
function pageText(html: string): string {
  return html
    .replace(/&quot;|&#34;|&#x22;/gi, '"')
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&#x3D;|&#61;/gi, '=')
    .replace(/&#x60;|&#96;/gi, '`')
    .replace(/&lt;|&#60;|&#x3C;/gi, '<')
    .replace(/&gt;|&#62;|&#x3E;/gi, '>')
    .replace(/&amp;|&#38;|&#x26;/gi, '&');
}

function expectIsoTime(value: unknown): void {
  expect(typeof value).toBe('string');
  expect(new Date(value as string).toISOString()).toBe(value);
}

describe('the console program on the edge-case league', () => {
  let workDir: string;
  let sandbox: SandboxUpstream;
  let settings: Record<string, string>;
  let online: CliResult;

  beforeAll(async () => {
    workDir = makeWorkDir();
    sandbox = await startSandbox(EDGE_DATASET);
    settings = testSettings(sandbox, join(workDir, 'edge.sqlite'));
    // Warnings on, so the left-out player is logged; stdout must not change.
    online = await runCli({ ...settings, LOG_LEVEL: 'warn' }, queryInput());
  });

  afterAll(async () => {
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it('prints each rostered player once in code-point order, then the answers', () => {
    expect(online.stdout.split('\n')).toEqual(expectedStdout().split('\n'));
    expect(online.stdout).toBe(expectedStdout());
    expect(online.code).toBe(0);
  });

  it('explains each malformed line on stderr, one line each, and no other', () => {
    const explained = [...online.stderr.matchAll(/^line (\d+): /gm)].map(
      (found) => Number(found[1]),
    );
    expect(explained).toEqual(malformedLineNumbers());
  });

  it('warns in the log about the rostered player the upstream does not know', () => {
    expect(online.stderr).toMatch(/^.*\b301\b.*\b404\b.*$/m);
  });

  it('fetched each rostered player once and the goals of each match once', () => {
    expect(sandbox.countRequests('/login')).toBe(1);
    expect(sandbox.countRequests('/teams')).toBe(1);
    expect(sandbox.countRequests('/teams/')).toBe(0);
    expect(sandbox.countRequests('/matches')).toBe(1);
    const players = sandbox.requests
      .filter((r) => r.path.startsWith('/players/'))
      .map((r) => Number(r.path.slice('/players/'.length)));
    expect(players.sort((a, b) => a - b)).toEqual(
      [
        0, 7, 42, 100, 101, 200, 300, 301, 302, 400, 500, 501, 600, 601, 700,
        701, 800, 900, 1000003, 2147483647,
      ].sort((a, b) => a - b),
    );
    const goals = sandbox.requests
      .filter((r) => r.path.startsWith('/goals'))
      .map((r) =>
        Number(new URLSearchParams(r.path.split('?')[1]).get('match_id')),
      )
      .sort((a, b) => a - b);
    expect(goals).toEqual([
      1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 1000003, 2147483647,
    ]);
  });

  it('prints the same after a refresh from the upstream', async () => {
    const again = await runCli(settings, queryInput());
    expect(again.stdout).toBe(expectedStdout());
    expect(again.code).toBe(0);
  });

  it('prints the same from the stored data with the upstream gone', async () => {
    sandbox.setFaults({ outage: 'refuse' });
    try {
      const offline = await runCli(
        { ...settings, UPSTREAM_MAX_RETRIES: '0' },
        queryInput(),
      );
      expect(offline.stdout).toBe(expectedStdout());
      expect(offline.code).toBe(0);
      expect(offline.stderr).toMatch(/answering from the data synced at/);
    } finally {
      sandbox.setFaults({ outage: 'none' });
      await sandbox.ready();
    }
  });

  it('answers one query without a trailing newline and a lone CR line', async () => {
    const result = await runCli(settings, '\r\nstats? "The "Best""');
    expect(result.stdout).toBe([...PLAYER_LIST, '0 2 -3', ''].join('\n'));
    expect(result.code).toBe(0);
  });
});

describe('the REST API on the edge-case league', () => {
  let workDir: string;
  let databasePath: string;
  let sandbox: SandboxUpstream;
  let server: TestApp;

  beforeAll(async () => {
    workDir = makeWorkDir();
    databasePath = join(workDir, 'edge.sqlite');
    sandbox = await startSandbox(EDGE_DATASET);
    server = await startTestApp({ sandbox, databasePath });
  });

  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it('synced the whole league in one full sync', () => {
    expect(server.firstSync).toMatchObject({
      outcome: 'succeeded',
      kind: 'full',
    });
    expect(sandbox.countRequests('/players/')).toBe(20);
    expect(sandbox.countRequests('/goals')).toBe(12);
  });

  describe('GET /stats', () => {
    it.each(TEAM_STATS.map((body) => [body.team.name, body]))(
      'answers %j exactly',
      async (name, body) => {
        const response = await request(server.url)
          .get('/stats')
          .query({ team_name: name })
          .expect(200);
        expect(response.body).toEqual(body);
        expectIsoTime(response.headers['x-data-synced-at']);
      },
    );

    it('takes a name written in the query string by hand', async () => {
      const response = await request(server.url)
        .get('/stats?team_name=The%20%22Best%22')
        .expect(200);
      expect(response.body.team).toEqual({ id: 1000003, name: 'The "Best"' });
    });

    it('reads + as a space, as a submitted form sends it', async () => {
      const response = await request(server.url)
        .get('/stats?team_name=Double++Space')
        .expect(200);
      expect(response.body.team).toEqual({ id: 13, name: 'Double  Space' });
    });

    it('keeps the spaces around a name', async () => {
      const response = await request(server.url)
        .get('/stats?team_name=%20Padded%20')
        .expect(200);
      expect(response.body.team.id).toBe(14);
    });

    it.each([
      ['LIONS', ['Lions', 'lions']],
      ['The Best', ['The "Best"']],
      ['Double Space', ['Double  Space']],
      ['Padded', [' Padded ']],
      ['Ends with quote', ['Ends with quote"']],
    ])(
      'answers %j with 404, suggesting the similar names',
      async (name, similar) => {
        const response = await request(server.url)
          .get('/stats')
          .query({ team_name: name })
          .expect(404);
        expect(response.body.suggestions).toEqual(
          expect.arrayContaining(similar),
        );
      },
    );

    it.each([
      ['no team_name', '/stats'],
      ['an empty team_name', '/stats?team_name='],
      ['a repeated team_name', '/stats?team_name=Lions&team_name=lions'],
      ['a 5000-letter team_name', `/stats?team_name=${'Lions'.repeat(1000)}`],
    ])('answers %s with 400 naming it', async (_label, path) => {
      const response = await request(server.url).get(path).expect(400);
      expect(response.body.message).toContain('team_name');
    });

    it('matches Unicode exactly: a decomposed spelling is another name', async () => {
      await request(server.url)
        .get('/stats')
        .query({ team_name: 'Atle\u0301tico N\u0303andu\u0301' })
        .expect(404);
    });
  });

  describe('GET /versus', () => {
    it.each(MEETINGS)(
      'answers players %d and %d with the matches they met in',
      async (player1, player2, matches) => {
        const response = await request(server.url)
          .get('/versus')
          .query({ player1_id: player1, player2_id: player2 })
          .expect(200);
        expect(response.body.player1.id).toBe(player1);
        expect(response.body.player2.id).toBe(player2);
        expect(response.body.matches_played).toBe(matches.length);
        const body: { matches: { id: number }[] } = response.body;
        expect(byId(body.matches)).toEqual(matches);
        expectIsoTime(response.headers['x-data-synced-at']);
      },
    );

    it('counts the same the other way round', async () => {
      const response = await request(server.url)
        .get('/versus')
        .query({ player1_id: 100, player2_id: 7 })
        .expect(200);
      expect(response.body.matches_played).toBe(3);
    });

    it('shows display names with nothing trimmed', async () => {
      const response = await request(server.url)
        .get('/versus')
        .query({ player1_id: 900, player2_id: 42 })
        .expect(200);
      expect(response.body.player1.display_name).toBe('Nobody  ');
      expect(response.body.player2.display_name).toBe('Ivan Petrov');
    });

    it.each([
      [301, 400, 'player1_id'], // rostered, but answered 404 upstream
      [400, 301, 'player2_id'],
      [5555, 300, 'player1_id'], // a scorer on no roster
      [7, 6666, 'player2_id'],
      [7, 2147483646, 'player2_id'],
    ])(
      'answers players %d and %d with 404 for %s',
      async (player1, player2, parameter) => {
        const response = await request(server.url)
          .get('/versus')
          .query({ player1_id: player1, player2_id: player2 })
          .expect(404);
        expect(response.body.message).toContain(parameter);
      },
    );

    it.each([
      ['/versus?player1_id=7', 'player2_id'],
      ['/versus?player2_id=7', 'player1_id'],
      ['/versus?player1_id=&player2_id=7', 'player1_id'],
      ['/versus?player1_id=Lions&player2_id=7', 'player1_id'],
      ['/versus?player1_id=7&player2_id=-42', 'player2_id'],
      ['/versus?player1_id=7.0&player2_id=42', 'player1_id'],
      ['/versus?player1_id=7&player2_id=99999999999999999999', 'player2_id'],
      ['/versus?player1_id=7&player1_id=0&player2_id=42', 'player1_id'],
    ])('answers %s with 400 naming %s', async (path, parameter) => {
      const response = await request(server.url).get(path).expect(400);
      expect(response.body.message).toContain(parameter);
    });
  });

  describe('GET /goals', () => {
    it.each(GOALS)(
      'lists the goals of player %d by match, then minute',
      async (player, goals) => {
        const response = await request(server.url)
          .get('/goals')
          .query({ player_id: player })
          .expect(200);
        expect(response.body).toEqual(
          goals.map(([match, time]) => ({ match, time })),
        );
        expectIsoTime(response.headers['x-data-synced-at']);
      },
    );

    it.each([6666, 99, 2147483646])(
      'answers %d, neither a player nor a scorer, with 404',
      async (id) => {
        await request(server.url)
          .get('/goals')
          .query({ player_id: id })
          .expect(404);
      },
    );

    it.each([
      '/goals',
      '/goals?player_id=',
      '/goals?player_id=-7',
      '/goals?player_id=1e3',
      '/goals?player_id=99999999999999999999',
    ])('answers %s with 400 naming player_id', async (path) => {
      const response = await request(server.url).get(path).expect(400);
      expect(response.body.message).toContain('player_id');
    });
  });

  it('lists rostered players once, by display name, ties by id', async () => {
    const response = await request(server.url)
      .get('/players')
      .query({ limit: 100 })
      .expect(200);
    const items: { id: number }[] = response.body.items;
    expect(response.body.total).toBe(PLAYER_IDS.length);
    expect(items.map((item) => item.id)).toEqual(PLAYER_IDS);
  });

  it('says on /health that the data is loaded, counting each player once', async () => {
    const response = await request(server.url).get('/health').expect(200);
    const data = response.body.info.data as Record<string, unknown>;
    expect(data).toMatchObject({
      loaded: true,
      teams: 11,
      players: 19,
      matches: 12,
      goals: 37,
    });
    expectIsoTime(data.synced_at);
  });

  describe('the pages', () => {
    it.each(TEAM_STATS.map((body) => [body.team.name, body]))(
      'shows %j with its record',
      async (name, body) => {
        const response = await request(server.url)
          .get('/front/stats')
          .query({ team_name: name })
          .expect(200)
          .expect('Content-Type', /html/);
        expect(response.text).not.toContain('<FC>');
        const heading = /<h2 id="team-heading"[^>]*>([^<]*)<\/h2>/.exec(
          response.text,
        );
        expect(pageText(heading?.[1] ?? '')).toBe(name);
        const tile = (label: string) =>
          new RegExp(
            `<dt>${label}</dt>\\s*<dd[^>]*>\\s*([^<]*?)\\s*</dd>`,
          ).exec(response.text)?.[1];
        expect([tile('Wins'), tile('Draws'), tile('Losses')]).toEqual([
          String(body.wins),
          String(body.draws),
          String(body.losses),
        ]);
      },
    );

    it('answers an unknown team with a 404 page suggesting both Lions', async () => {
      const response = await request(server.url)
        .get('/front/stats')
        .query({ team_name: 'LIONS' })
        .expect(404);
      const text = pageText(response.text);
      expect(text).toContain('Lions');
      expect(text).toContain('lions');
    });

    it('shows two players who met although they are teammates', async () => {
      const response = await request(server.url)
        .get('/front/versus')
        .query({ player1_id: 7, player2_id: 42 })
        .expect(200);
      expect(pageText(response.text)).toContain('Ivan Petrov');
      expect(pageText(response.text)).toContain('The "Best"');
      expect(response.text).toMatch(
        /<span class="big-count__number">2<\/span>/,
      );
    });

    it('answers a player left out by the upstream with 404', async () => {
      await request(server.url)
        .get('/front/versus')
        .query({ player1_id: 301, player2_id: 400 })
        .expect(404);
    });

    it('answers a bad id with 400', async () => {
      await request(server.url)
        .get('/front/versus')
        .query({ player1_id: -1, player2_id: 400 })
        .expect(400);
    });
  });

  it('never answers 500 to odd input', async () => {
    const paths = [
      '/stats?team_name=%00',
      '/stats?team_name=%22',
      '/stats?team_name=%20',
      '/stats?team_name=%F0%9D%94%84',
      '/stats?team_name=%ED%A0%80',
      '/stats?team_name=%E0%A4%A',
      '/stats?team_name[]=Lions',
      '/stats?team_name[a]=Lions',
      '/versus?player1_id=%207&player2_id=42',
      '/versus?player1_id=%2B7&player2_id=42',
      '/versus?player1_id=007&player2_id=042',
      '/versus?player1_id=0&player2_id=0',
      '/versus?player1_id=9007199254740993&player2_id=7',
      '/versus?player1_id=999999999999999&player2_id=7',
      '/goals?player_id=0',
      '/goals?player_id=%20',
      '/goals?player_id=2147483648',
      '/front/stats?team_name=',
      '/front/stats?team_name=%00',
      '/front/goals?player_id=5555',
      '/front/goals?player_id=301',
      '/front/goals?player_id=9000',
      '/front/versus?player1_id=7&player2_id=7',
      '/front/versus?player1_id=0&player2_id=700',
      '/teams/2147483647',
      '/teams/17',
      '/teams/99',
      '/players/0',
      '/players/301',
      '/players?search=%C3%89mile',
      '/players?search=E%CC%81mile',
      '/players?search=%20',
      '/matches?team_id=99',
    ];
    const statuses: [string, number][] = [];
    for (const path of paths) {
      const response = await request(server.url).get(path);
      statuses.push([path, response.status]);
    }
    expect(statuses.filter(([, status]) => status >= 500)).toEqual([]);
  });

  it('answers the same from the stored data after a restart with the upstream down', async () => {
    const paths = [
      ...TEAM_STATS.map(
        (body) => `/stats?team_name=${encodeURIComponent(body.team.name)}`,
      ),
      ...MEETINGS.map(([a, b]) => `/versus?player1_id=${a}&player2_id=${b}`),
      ...GOALS.map(([id]) => `/goals?player_id=${id}`),
      '/players?limit=100',
    ];
    const before = new Map<string, unknown>();
    for (const path of paths) {
      before.set(path, (await request(server.url).get(path).expect(200)).body);
    }
    await server.close();
    sandbox.setFaults({ outage: 'refuse' });
    server = await startTestApp({
      sandbox,
      databasePath,
      settings: { UPSTREAM_MAX_RETRIES: '0' },
    });
    expect(server.firstSync?.outcome).toBe('failed');
    for (const path of paths) {
      const response = await request(server.url).get(path).expect(200);
      expect([path, response.body]).toEqual([path, before.get(path)]);
    }
  });
});
