/** Questions whose answers must survive every failure unchanged. */
export const SAMPLE_QUERIES = [
  '/stats?team_name=Chelsea',
  '/stats?team_name=Roma',
  '/stats?team_name=Real%20Madrid',
  '/versus?player1_id=1&player2_id=4',
  '/goals?player_id=43',
  '/goals?player_id=1',
];

export interface Answer {
  status: number;
  syncedAt: string | null;
  body: unknown;
}

export async function fetchAnswer(url: string): Promise<Answer> {
  const response = await fetch(url);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: compared as text.
  }
  return {
    status: response.status,
    syncedAt: response.headers.get('x-data-synced-at'),
    body,
  };
}

/** Status and body of every sample query, keyed by path. */
export async function fetchAnswers(
  baseUrl: string,
  paths: string[] = SAMPLE_QUERIES,
): Promise<Record<string, Omit<Answer, 'syncedAt'>>> {
  const answers: Record<string, Omit<Answer, 'syncedAt'>> = {};
  for (const path of paths) {
    const { status, body } = await fetchAnswer(baseUrl + path);
    answers[path] = { status, body };
  }
  return answers;
}

/** Polls until `probe` gives a value; fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
