import { LeagueRepository } from '../database/league.repository';
import { SyncRunEntity } from '../database/entities/sync-run.entity';
import { SyncReport, SyncService } from '../sync/sync.service';
import { StalenessService } from './staleness.service';

function run(
  id: number,
  outcome: SyncRunEntity['outcome'],
  finishedAt: string | null,
): SyncRunEntity {
  return Object.assign(new SyncRunEntity(), {
    id,
    outcome,
    startedAt: new Date(`2025-05-31T10:${String(id).padStart(2, '0')}:00Z`),
    finishedAt: finishedAt && new Date(finishedAt),
  });
}

function report(runId: number, outcome: SyncReport['outcome']): SyncReport {
  return {
    runId,
    kind: 'incremental',
    outcome,
    requests: 1,
    changes: 0,
    durationMs: 1,
  };
}

describe('StalenessService', () => {
  let lastOutcome: SyncReport | null;
  let runs: SyncRunEntity[];
  let recentRuns: jest.Mock;
  let staleness: StalenessService;

  beforeEach(() => {
    lastOutcome = null;
    runs = [];
    recentRuns = jest.fn(() => Promise.resolve(runs));
    const sync = {
      get lastOutcome() {
        return lastOutcome;
      },
    } as SyncService;
    const repository = { recentRuns } as unknown as LeagueRepository;
    staleness = new StalenessService(sync, repository);
  });

  it('reports nothing after a successful sync, without reading the runs', async () => {
    lastOutcome = report(3, 'succeeded');

    await expect(staleness.failingSince()).resolves.toBeNull();
    expect(recentRuns).not.toHaveBeenCalled();
  });

  it('dates the trouble from the first failure after the last success', async () => {
    lastOutcome = report(5, 'failed');
    runs = [
      run(5, 'failed', '2025-05-31T10:50:00Z'),
      run(4, 'abandoned', '2025-05-31T10:40:00Z'),
      run(3, 'failed', '2025-05-31T10:30:00Z'),
      run(2, 'succeeded', '2025-05-31T10:20:00Z'),
      run(1, 'failed', '2025-05-31T10:10:00Z'),
    ];

    await expect(staleness.failingSince()).resolves.toEqual(
      new Date('2025-05-31T10:30:00Z'),
    );
  });

  it('counts failures recorded before a restart', async () => {
    runs = [
      run(2, 'failed', '2025-05-31T10:20:00Z'),
      run(1, 'succeeded', '2025-05-31T10:10:00Z'),
    ];

    await expect(staleness.failingSince()).resolves.toEqual(
      new Date('2025-05-31T10:20:00Z'),
    );
  });

  it('reports nothing when the stored runs end with a success', async () => {
    runs = [run(1, 'succeeded', '2025-05-31T10:10:00Z')];

    await expect(staleness.failingSince()).resolves.toBeNull();
  });

  it('reads the runs once per sync, not once per page', async () => {
    lastOutcome = report(2, 'failed');
    runs = [run(2, 'failed', '2025-05-31T10:20:00Z')];

    await staleness.failingSince();
    await staleness.failingSince();
    lastOutcome = report(3, 'failed');
    await staleness.failingSince();

    expect(recentRuns).toHaveBeenCalledTimes(2);
  });
});
