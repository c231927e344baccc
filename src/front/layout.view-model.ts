import { STATUS_CODES } from 'node:http';
import { ErrorBodyDto } from '../common/http/error-body.dto';
import { formatUtc, teamPageHref } from './page-format';

export type PageName = 'league' | 'stats' | 'versus' | 'goals';

export interface NavLink {
  label: string;
  href: string;
  current: boolean;
}

export interface Moment {
  iso: string;
  text: string;
}

export interface Freshness {
  syncedAt: Moment | null;
  /** Set while every sync since the data was stored has failed. */
  failingSince: Moment | null;
}

/** What the layout around every page shows. */
export interface PageFrame {
  title: string;
  nav: NavLink[];
  freshness: Freshness;
  /** Seconds after which the browser asks again, while no data is stored. */
  refreshSeconds: number | null;
}

export interface Suggestion {
  name: string;
  href: string;
}

/** An error shown on a page in place of the answer, above the form. */
export interface PageProblem {
  status: number;
  heading: string;
  message: string;
  suggestions: Suggestion[];
}

const NAVIGATION: { page: PageName | null; label: string; href: string }[] = [
  { page: 'league', label: 'League', href: '/front' },
  { page: 'stats', label: 'Team stats', href: '/front/stats' },
  { page: 'versus', label: 'Head-to-head', href: '/front/versus' },
  { page: 'goals', label: 'Goals', href: '/front/goals' },
  { page: null, label: 'API docs', href: '/docs' },
];

const HEADINGS: Record<number, string> = {
  400: 'That question cannot be answered as asked',
  503: 'The league data is not here yet',
};

const NOT_FOUND: Record<PageName, string> = {
  league: 'Page not found',
  stats: 'No such team',
  versus: 'No such player',
  goals: 'No such player',
};

function moment(date: Date | null): Moment | null {
  return date && { iso: date.toISOString(), text: formatUtc(date) };
}

export function pageFrame(
  page: PageName | null,
  title: string,
  syncedAt: Date | null,
  failingSince: Date | null,
): PageFrame {
  return {
    title,
    nav: NAVIGATION.map(({ page: target, label, href }) => ({
      label,
      href,
      current: target !== null && target === page,
    })),
    freshness: {
      syncedAt: moment(syncedAt),
      failingSince: moment(failingSince),
    },
    refreshSeconds: null,
  };
}

function headingFor(status: number, page: PageName | null): string {
  if (status === 404) return NOT_FOUND[page ?? 'league'];
  if (HEADINGS[status]) return HEADINGS[status];
  if (status >= 500) return 'Something went wrong on our side';
  return STATUS_CODES[status] ?? 'Error';
}

/** The problem as the page at `page` words it; null for no known page. */
export function pageProblem(
  body: ErrorBodyDto,
  page: PageName | null,
): PageProblem {
  return {
    status: body.status,
    heading: headingFor(body.status, page),
    message: body.message,
    suggestions: (body.suggestions ?? []).map((name) => ({
      name,
      href: teamPageHref(name),
    })),
  };
}
