/**
 * Photographs the pages for the README: the real server with the 2025-05-31
 * league from the bundled sandbox, in headless Chromium at desktop width.
 * Run: npx ts-node --transpile-only scripts/screenshots.ts
 * Writes docs/screenshots/<page>.png. Traffic stays on 127.0.0.1.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  LEAGUE_DATASET,
  makeWorkDir,
  removeWorkDir,
  REPOSITORY_ROOT,
  startSandbox,
  startTestApp,
} from '../test/support/test-app';
import { launchChromium } from '../test/front/chromium';

const OUTPUT = join(REPOSITORY_ROOT, 'docs', 'screenshots');

const PAGES = [
  { name: 'league', path: '/front' },
  { name: 'stats', path: '/front/stats?team_name=Chelsea' },
  { name: 'stats-not-found', path: '/front/stats?team_name=Chelsee' },
  { name: 'versus', path: '/front/versus?player1_id=1&player2_id=4' },
  { name: 'goals', path: '/front/goals?player_id=1' },
];

async function main(): Promise<void> {
  const workDir = makeWorkDir();
  const sandbox = await startSandbox(LEAGUE_DATASET);
  const server = await startTestApp({
    sandbox,
    databasePath: join(workDir, 'league.sqlite'),
  });
  const browser = await launchChromium();

  try {
    mkdirSync(OUTPUT, { recursive: true });
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
    });
    for (const { name, path } of PAGES) {
      await page.goto(server.url + path);
      const file = join(OUTPUT, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(`${path} -> ${file}`);
    }
  } finally {
    await browser.close();
    await server.close();
    await sandbox.stop();
    removeWorkDir(workDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
