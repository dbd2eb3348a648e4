// The menu: what each role may open.
import type { Actor } from '../../auth/actor.js';

export interface NavItem {
  href: string;
  label: string;
}

const has = (actor: Actor, ...roles: string[]) => actor.roles.includes('admin') || roles.some((r) => actor.roles.includes(r));

export function navigationFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [
    { href: '/', label: 'Mina uppgifter' },
    { href: '/cases', label: 'Ärenden' },
    { href: '/housing', label: 'Boenderegistret' },
    { href: '/processes', label: 'Processer' },
  ];
  if (has(actor, 'ivo-rapportor', 'revisor')) items.push({ href: '/reports/ivo', label: 'IVO-rapport' });
  if (has(actor, 'boendeteam-chef', 'myndighetschef', 'verksamhetschef', 'enhetschef', 'revisor')) items.push({ href: '/statistics', label: 'Statistik' });
  if (has(actor, 'revisor')) items.push({ href: '/audit/access-log', label: 'Åtkomstlogg' });
  return items;
}
