// The menu: what each role may open, by the same role lists and check as the routes behind the links.
import { accessLogReaders, gallringRunners, hasRole, ivoReportReaders, statisticsReaders, statistikReaders, type Actor } from '../../auth/index.js';

export interface NavItem {
  href: string;
  label: string;
  /** The section the shown page belongs to (`aria-current="page"`). */
  current?: boolean;
}

/** The menu with the item of the shown page's section marked: the longest href the path starts with. */
export function markCurrent(items: NavItem[], path: string): NavItem[] {
  const within = (href: string) => path === href || (href !== '/' && path.startsWith(`${href}/`)) || (href === '/' && (path === '/' || path.startsWith('/tasks/')));
  const best = items.filter((i) => within(i.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((i) => (i === best ? { ...i, current: true } : i));
}

export function navigationFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [
    { href: '/', label: 'Mina uppgifter' },
    { href: '/cases', label: 'Ärenden' },
    { href: '/housing', label: 'Boenderegistret' },
    { href: '/processes', label: 'Processer' },
  ];
  if (hasRole(actor, ivoReportReaders)) items.push({ href: '/reports/ivo', label: 'IVO-rapport' });
  if (hasRole(actor, statistikReaders)) items.push({ href: '/reports/statistik', label: 'Kvartalsstatistik' });
  if (hasRole(actor, statisticsReaders)) items.push({ href: '/statistics', label: 'Statistik' });
  if (hasRole(actor, accessLogReaders)) items.push({ href: '/audit/access-log', label: 'Åtkomstlogg' });
  if (hasRole(actor, gallringRunners)) items.push({ href: '/gallring', label: 'Gallring' });
  return items;
}
