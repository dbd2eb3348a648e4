import { describe, expect, test } from 'vitest';
import type { InstanceSummary } from '../../src/engine/index.js';
import { childDecision, predecessorOf } from '../../src/runtime/call-decision.js';

const header = { id: 'beslut-1', person: 'Brukare-1', kon: 'man', law: 'LSS' as const, insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS', beslutsdatum: '2027-01-10' };
const offer = { type: 'erbjudande' as const, date: '2027-01-12', reason: null, at: '2027-01-12T08:00:00.000Z', actor: 'enhetschef' };
const handover = { type: 'overlamnad' as const, date: '2027-01-15', reason: null, at: '2027-01-15T08:00:00.000Z', actor: 'system' };
const decisionVariables = { beslutsdatum: '2027-01-10', brukare: 'Brukare-1', kon: 'man', lag: 'LSS', insats: header.insats, ursprung: 'nyttBeslut' };
const caller = (over: Partial<InstanceSummary>): InstanceSummary => ({
  id: 'intern', processKey: 'intern-placering', version: 1, businessKey: 'IP-1', state: 'running', startedAt: '2027-01-10T08:00:00.000Z', endedAt: null, rev: 3,
  variables: decisionVariables, active: [], tasks: [], timers: [], bevakningar: [], caseEvents: [], decision: header, ...over,
});
const child = { id: 'extern-2', processKey: 'extern-placering', variables: decisionVariables };

describe('the decision of a child case', () => {
  test('when the caller handed its decision on before the call, then the child carries that decision with what happened to it, without the hand-over', () => {
    // given
    const handedOn = caller({ caseEvents: [offer, handover] });
    // when
    const carried = childDecision(handedOn, child, {}, [handedOn], {});
    // then
    expect(carried).toEqual({ decision: header, caseEvents: [offer] });
  });

  test('when the caller recorded on the decision after handing it on (a child started again later), then the child copies only what came before the hand-over', () => {
    // given
    const reason = { type: 'drojsmal' as const, date: '2027-01-20', reason: 'Ingen lämplig lägenhet.', at: '2027-01-20T08:00:00.000Z', actor: null };
    const handedOn = caller({ caseEvents: [offer, handover, reason] });
    // when
    const carried = childDecision(handedOn, child, {}, [handedOn], {});
    // then
    expect(carried).toEqual({ decision: header, caseEvents: [offer] });
  });

  test('when the caller keeps its decision, or another case took it over already, then the child carries none: never a second one', () => {
    // given
    const kept = caller({ caseEvents: [offer] });
    const handedOn = caller({ caseEvents: [handover] });
    const taker = caller({ id: 'annat', caseEvents: [] });
    // when
    const fromKept = childDecision(kept, child, {}, [kept], {});
    const fromTaken = childDecision(handedOn, child, {}, [handedOn, taker], {});
    // then
    expect(fromKept).toEqual({ decision: null, caseEvents: [] });
    expect(fromTaken).toEqual({ decision: null, caseEvents: [] });
  });

  test('when an earlier child took the decision over and ended (an error, or ended early), then the next child goes on from that one\'s record, once it is marked handed on', () => {
    // given
    const handedOn = caller({ caseEvents: [offer, handover] });
    const reason = { type: 'drojsmal' as const, date: '2027-01-20', reason: 'Ingen plats ännu.', at: '2027-01-20T08:00:00.000Z', actor: 'admin' };
    const failed = caller({ id: 'extern-1', processKey: 'extern-placering', state: 'failed', startedAt: '2027-01-15T08:00:00.000Z', caseEvents: [offer, reason] });
    const marked = { ...failed, caseEvents: [offer, reason, handover] };
    // when
    const before = predecessorOf(handedOn, child, [handedOn, failed], {});
    const carried = childDecision(handedOn, child, {}, [handedOn, marked], {});
    // then
    expect(before?.id).toBe('extern-1');
    expect(carried).toEqual({ decision: header, caseEvents: [offer, reason] });
  });

  test('when a running case carries the decision, then there is no predecessor and the next child gets none', () => {
    // given
    const handedOn = caller({ caseEvents: [handover] });
    const running = caller({ id: 'extern-1', processKey: 'extern-placering', caseEvents: [offer] });
    // when
    const before = predecessorOf(handedOn, child, [handedOn, running], {});
    const carried = childDecision(handedOn, child, {}, [handedOn, running], {});
    // then
    expect(before).toBeNull();
    expect(carried).toEqual({ decision: null, caseEvents: [] });
  });

  test('when the caller carries no decision, then the child makes its own from its start form, as any start does', () => {
    // given
    const vacancy = caller({ decision: null, variables: {} });
    // when
    const carried = childDecision(vacancy, child, {}, [vacancy], {});
    // then
    expect(carried.decision).toEqual(expect.objectContaining({ law: 'LSS', beslutsdatum: '2027-01-10', person: 'Brukare-1' }));
    expect(carried.decision?.id).not.toBe('beslut-1');
  });
});
