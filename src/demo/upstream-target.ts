import { LoggerService } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Environment, EnvironmentError } from '../config/environment';
import { SandboxUpstream } from '../sandbox/sandbox-upstream';
import { UpstreamClientOptions } from '../upstream/upstream.options';

/** Where the upstream client talks to, and how to let go of it. */
export interface UpstreamTarget {
  /** True when the bundled sandbox serves the demo data. */
  demo: boolean;
  overrides: Partial<UpstreamClientOptions>;
  /**
   * What the data comes from, recorded with every sync so that data of two
   * sources never mixes; LKSH_API_URL when not given.
   */
  source?: string;
  stop(): Promise<void>;
}

/**
 * With LKSH_TOKEN or LKSH_API_URL set, that upstream. With neither, the
 * bundled sandbox upstream on loopback serving the demo dataset, so the
 * product runs out of the box with no network and no token.
 */
export async function resolveUpstreamTarget(
  environment: Environment,
  logger: LoggerService,
  explicitSettings: Record<string, string | undefined> = process.env,
): Promise<UpstreamTarget> {
  if (environment.LKSH_TOKEN || explicitSettings.LKSH_API_URL) {
    return { demo: false, overrides: {}, stop: () => Promise.resolve() };
  }

  const token = randomBytes(32).toString('hex');
  const dataset = resolve(environment.DEMO_DATASET);
  if (!existsSync(join(dataset, 'teams.json'))) {
    throw new EnvironmentError(
      `DEMO_DATASET=${JSON.stringify(environment.DEMO_DATASET)}: no dataset there (a folder with teams.json, players.json, matches.json and goals.json)`,
    );
  }
  const sandbox = await SandboxUpstream.start({ dataset, tokens: [token] });
  logger.warn(
    `No LKSH_TOKEN or LKSH_API_URL set: using the bundled demo data (${dataset}), served by the sandbox upstream at ${sandbox.url}. Set LKSH_TOKEN to mirror the real upstream.`,
    'Demo',
  );
  // The sandbox is ours and local: no need to pace it unless asked to.
  const pacing = explicitSettings.UPSTREAM_MAX_RPS
    ? {}
    : { maxRequestsPerSecond: 0 };
  return {
    demo: true,
    overrides: { baseUrl: sandbox.url, token, ...pacing },
    source: `demo:${dataset}`,
    stop: () => sandbox.stop(),
  };
}
