// The start page as a working day uses it: task lists narrowed by process and sorted, a chef's team view of open and
// overdue work, and bevakningar marked read from the page or by opening their case.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startBeslut, startTestApp, type TestApp } from '../test-app.js';
import { following, getPage, postForm, signIn } from '../page-session.js';

let t: TestApp;

beforeEach(async () => {
  // web-beslut: "Lämna svar" for enhetschef, a reminder bevakning after a month; web-referenser: "Fördela ärendet"
  // for boendeteam-chef.
  t = await startTestApp({ processes: ['web-beslut.bpmn', 'web-referenser.bpmn'] });
  await startBeslut(t, 'B-2');
  await startBeslut(t, 'B-1');
  await t.call('boendeteam-chef', { method: 'POST', url: '/api/processes/web-referenser/instances', payload: { businessKey: 'R-1', variables: { beslutsdatum: '2027-01-10' } } });
});

afterEach(() => t.close());

/** The business keys of the task rows in the page's "Mina gruppers uppgifter", in order. */
function groupRows(body: string): string[] {
  const end = body.includes('id="teamet"') ? body.indexOf('id="teamet"') : body.indexOf('id="inkorg"');
  const section = body.slice(body.indexOf('id="grupper"'), end);
  return [...section.matchAll(/<td data-label="Ärende"><a href="\/cases\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

describe('the task lists on the start page', () => {
  test('when the enhetschef narrows the list to a process or sorts by case, then only those rows show, in that order', async () => {
    // given
    const session = await signIn(t, 'enhetschef');
    // when
    const all = await getPage(t, session, '/');
    const other = await getPage(t, session, '/?process=web-referenser');
    const byCase = await getPage(t, session, '/?process=web-beslut&sortera=arende');
    const unknown = await getPage(t, session, '/?sortera=slump');
    // then
    expect(groupRows(all.body)).toEqual(['B-2', 'B-1']);
    expect(other.body).toContain('Inga av gruppernas uppgifter passar filtret.');
    expect(groupRows(byCase.body)).toEqual(['B-1', 'B-2']);
    expect(byCase.body).toContain('<option value="arende" selected>Ärende</option>');
    expect(unknown.statusCode).toBe(400);
  });

  test('when a chef opens the start page, then the team view counts the open work of the processes they lead per group; others have none', async () => {
    // given
    const chef = await signIn(t, 'boendeteam-chef');
    const handlaggare = await signIn(t, 'lss-handlaggare');
    // when
    const chefPage = await getPage(t, chef, '/');
    const otherPage = await getPage(t, handlaggare, '/');
    // then
    expect(chefPage.body).toContain('<h2 id="teamet">Teamets arbete</h2>');
    expect(chefPage.body).toMatch(/<th scope="row" data-label="Person eller grupp">boendeteam-chef <span class="badge">grupp, ej tagna<\/span><\/th>\s*<td data-label="Öppna">1<\/td>/);
    expect(otherPage.body).not.toContain('Teamets arbete');
  });
});

describe('bevakningar on the start page', () => {
  test('when one is marked read and another opened, then both are read, the case opens and the unread filter shows none', async () => {
    // given: a month without answers sends the enhetschef a reminder per case
    await t.call('admin', { method: 'POST', url: '/api/clock', payload: { advance: 'P1M1D' } });
    const [first, second]: { id: string; instanceId: string }[] = (await t.call('enhetschef', { method: 'GET', url: '/api/inbox' })).json();
    const session = await signIn(t, 'enhetschef');
    const before = await getPage(t, session, '/');
    // when
    const marked = await postForm(t, session, `/inbox/${first!.id}/read`);
    const opened = await postForm(t, following(session, marked), `/inbox/${second!.id}/read`, { oppna: '1' });
    const unread = await getPage(t, session, '/?bevakningar=olasta');
    // then
    expect(before.body).toContain('<span class="badge">2 olästa</span>');
    expect(marked.statusCode).toBe(303);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/cases/${second!.instanceId}`);
    expect(unread.body).toContain('Inga olästa bevakningar.');
    expect(unread.body).not.toContain('olästa</span>');
    const inbox: { readAt: string | null }[] = (await t.call('enhetschef', { method: 'GET', url: '/api/inbox' })).json();
    expect(inbox.every((b) => b.readAt !== null)).toBe(true);
  });
});
