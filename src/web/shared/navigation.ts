// The menu: what each role may open, by the same role lists and check as the routes behind the links.
import { accessLogReaders, hasRole, ivoReportReaders, statisticsReaders, statistikReaders, type Actor } from '../../auth/index.js';

export interface NavItem {
  href: string;
  label: string;
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
  return items;
}
