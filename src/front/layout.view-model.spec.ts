import { pageFrame, pageProblem } from './layout.view-model';

describe('page frame', () => {
  const syncedAt = new Date('2025-05-31T12:00:00Z');

  it('marks the current page in the navigation and only that one', () => {
    const frame = pageFrame('versus', 'Head-to-head', syncedAt, null);

    expect(frame.nav.filter((link) => link.current)).toEqual([
      { label: 'Head-to-head', href: '/front/versus', current: true },
    ]);
    expect(frame.nav.map((link) => link.href)).toEqual([
      '/front',
      '/front/stats',
      '/front/versus',
      '/front/goals',
      '/docs',
    ]);
  });

  it('states when the data was synced and warns only while syncs fail', () => {
    const fresh = pageFrame('league', 'League table', syncedAt, null);
    const stale = pageFrame(
      'league',
      'League table',
      syncedAt,
      new Date('2025-05-31T12:10:00Z'),
    );

    expect(fresh.freshness).toEqual({
      syncedAt: {
        iso: '2025-05-31T12:00:00.000Z',
        text: '31 May 2025, 12:00 UTC',
      },
      failingSince: null,
    });
    expect(stale.freshness.failingSince).toEqual({
      iso: '2025-05-31T12:10:00.000Z',
      text: '31 May 2025, 12:10 UTC',
    });
  });

  it('has no sync time before the first sync', () => {
    expect(pageFrame(null, 'Error', null, null).freshness.syncedAt).toBeNull();
  });
});

describe('page problem', () => {
  it('names what was not found after the page that looked for it', () => {
    const body = { status: 404, error: 'Not Found', message: 'x', path: '/' };

    expect(pageProblem(body, 'stats').heading).toBe('No such team');
    expect(pageProblem(body, 'versus').heading).toBe('No such player');
    expect(pageProblem(body, null).heading).toBe('Page not found');
  });

  it('turns suggested team names into links to their pages', () => {
    const problem = pageProblem(
      {
        status: 404,
        error: 'Not Found',
        message: 'No team is named "Chelsee"',
        suggestions: ['Chelsea'],
        path: '/front/stats',
      },
      'stats',
    );

    expect(problem).toEqual({
      status: 404,
      heading: 'No such team',
      message: 'No team is named "Chelsee"',
      suggestions: [
        { name: 'Chelsea', href: '/front/stats?team_name=Chelsea' },
      ],
    });
  });

  it('keeps the message of a bad request and words other statuses', () => {
    const bad = pageProblem(
      {
        status: 400,
        error: 'Bad Request',
        message: 'player1_id must be a non-negative integer',
        path: '/front/versus',
      },
      'versus',
    );
    const body = (status: number) => ({
      status,
      error: '',
      message: '',
      path: '/front',
    });

    expect(bad.message).toBe('player1_id must be a non-negative integer');
    expect(bad.suggestions).toEqual([]);
    expect(pageProblem(body(503), 'league').heading).toBe(
      'The league data is not here yet',
    );
    expect(pageProblem(body(500), 'league').heading).toBe(
      'Something went wrong on our side',
    );
    expect(pageProblem(body(405), 'league').heading).toBe('Method Not Allowed');
  });
});
