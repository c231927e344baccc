import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import {
  makeWorkDir,
  removeWorkDir,
  REPOSITORY_ROOT,
  startSandbox,
  startTestApp,
  TestApp,
} from '../support/test-app';
import { launchChromium } from './chromium';

const SCREENSHOTS = join(REPOSITORY_ROOT, 'test-output', 'screenshots');

const VIEWPORTS = [
  { width: 375, height: 740 },
  { width: 1280, height: 800 },
];

const PAGES = [
  { name: 'league', path: '/front' },
  { name: 'stats', path: '/front/stats?team_name=Chelsea' },
  { name: 'versus', path: '/front/versus?player1_id=1&player2_id=4' },
  { name: 'goals', path: '/front/goals?player_id=1' },
  { name: 'stats-form', path: '/front/stats' },
  { name: 'versus-form', path: '/front/versus' },
  { name: 'goals-form', path: '/front/goals' },
];

/** Elements reaching past the right edge, outside scrollable table wrappers. */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 1;
    return [...document.body.querySelectorAll('*')]
      .filter((element) => !element.closest('.table-scroll'))
      .filter((element) => element.getBoundingClientRect().right > limit)
      .map(
        (element) =>
          `${element.tagName}.${element.getAttribute('class') ?? ''}`,
      );
  });
}

describe('pages in a real browser', () => {
  let workDir: string;
  let sandbox: SandboxUpstream;
  let server: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
    workDir = makeWorkDir();
    sandbox = await startSandbox();
    server = await startTestApp({
      sandbox,
      databasePath: join(workDir, 'league.sqlite'),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sandbox?.stop();
    if (workDir) removeWorkDir(workDir);
  });

  describe.each(VIEWPORTS)('at $width px wide', (viewport) => {
    let context: BrowserContext;
    let page: Page;
    let problems: string[];

    beforeEach(async () => {
      context = await browser.newContext({ viewport });
      page = await context.newPage();
      problems = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('requestfailed', (request) =>
        problems.push(`${request.url()} failed`),
      );
    });

    afterEach(async () => {
      await context.close();
    });

    it.each(PAGES)(
      'shows the $name page without errors or sideways scrolling',
      async ({ name, path }) => {
        const response = await page.goto(server.url + path);
        await page.screenshot({
          path: join(SCREENSHOTS, `${name}-${viewport.width}.png`),
          fullPage: true,
        });

        expect(response?.status()).toBe(200);
        await expect(
          page.evaluate(() => getComputedStyle(document.body).fontFamily),
        ).resolves.toContain('system-ui');
        await expect(overflowingElements(page)).resolves.toEqual([]);
        await expect(
          page.evaluate(
            () =>
              document.documentElement.scrollWidth -
              document.documentElement.clientWidth,
          ),
        ).resolves.toBeLessThanOrEqual(0);
        expect(problems).toEqual([]);
      },
    );

    it('asks for a team by typing its name and submitting', async () => {
      await page.goto(`${server.url}/front/stats`);
      await page.getByLabel('Team name').fill('Вареничная United');
      await page.getByRole('button', { name: 'Show stats' }).click();

      await expect(
        page.getByRole('heading', { name: 'Вареничная United' }).textContent(),
      ).resolves.toBe('Вареничная United');
      await expect(page.locator('.tile--win dd').textContent()).resolves.toBe(
        '12',
      );
      await expect(page.locator('.tile--loss dd').textContent()).resolves.toBe(
        '21',
      );
      expect(new URL(page.url()).searchParams.get('team_name')).toBe(
        'Вареничная United',
      );
      expect(problems).toEqual([]);
    });

    it('follows a suggested name after a misspelt one', async () => {
      await page.goto(`${server.url}/front/stats`);
      await page.getByLabel('Team name').fill('Chelsee');
      await page.getByRole('button', { name: 'Show stats' }).click();
      await page.getByRole('link', { name: 'Chelsea', exact: true }).click();

      await expect(page.locator('#team-heading').textContent()).resolves.toBe(
        'Chelsea',
      );
      await expect(
        page
          .locator('.tile', { hasText: 'Difference' })
          .locator('dd')
          .textContent(),
      ).resolves.toBe('+20');
    });

    it('compares two players chosen from the pickers', async () => {
      await page.goto(`${server.url}/front/versus`);
      await page.getByLabel('First player').selectOption('1');
      await page.getByLabel('Second player').selectOption('4');
      await page.getByRole('button', { name: 'Compare' }).click();

      await expect(
        page.locator('.big-count__number').textContent(),
      ).resolves.toBe('1');
      await expect(
        page.locator('.player-card__name').allTextContents(),
      ).resolves.toEqual(['Lionel Messi', 'Cristiano Ronaldo']);
      expect(problems).toEqual([]);
    });

    it("lists a chosen player's goals", async () => {
      await page.goto(`${server.url}/front/goals`);
      await page.getByLabel('Player').selectOption('1');
      await page.getByRole('button', { name: 'Show goals' }).click();

      await expect(page.locator('.report tbody tr').count()).resolves.toBe(9);
      await expect(
        page.locator('.big-count__number').textContent(),
      ).resolves.toBe('9');
      expect(problems).toEqual([]);
    });

    it('goes from the league table to a team', async () => {
      await page.goto(`${server.url}/front`);
      await page.getByRole('link', { name: 'Chelsea', exact: true }).click();

      await expect(page.locator('#team-heading').textContent()).resolves.toBe(
        'Chelsea',
      );
    });
  });
});
