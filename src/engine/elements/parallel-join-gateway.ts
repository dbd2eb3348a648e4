// A parallel gateway whose join waits for a token on every incoming flow, as BPMN says. bpmn-elements 17 also counted
// dead-path "discards" as arrivals: with an XOR split and merge inside one branch, the discard of the path not taken
// reached the join through the merge and fired it before the branch was done.
import { Activity } from 'bpmn-elements';
import * as gateways from 'bpmn-elements/gateways';

// Exported by the package, missing from its type declarations.
const { ParallelGatewayBehaviour } = gateways as unknown as { ParallelGatewayBehaviour: unknown };
const kFlows = Symbol.for('flows');

interface JoinMessage {
  fields: { routingKey: string };
  content: { sourceId: string; discardSequence?: string[] };
  ack(): void;
}

interface JoinThis {
  [kFlows]: { inboundJoinFlows: Set<JoinMessage>; inboundSourceIds: Set<string> };
  broker: { cancel(tag: string): void };
  run(message: { inbound: unknown[] }): unknown;
  _runDiscard(message: { inbound: unknown[]; discardSequence: string[] }): unknown;
}

type ActivityConstructor = (this: unknown, ...args: unknown[]) => void;
const BaseActivity = Activity as unknown as ActivityConstructor & { prototype: object };

function TokenJoinActivity(this: unknown, ...args: unknown[]): void {
  BaseActivity.call(this, ...args);
}
TokenJoinActivity.prototype = Object.create(BaseActivity.prototype);

/** Runs when every source has sent a token; discards only settle the join when no source sent one (a dead region). */
TokenJoinActivity.prototype._onJoinInbound = function onJoinInbound(this: JoinThis, _routingKey: string, message: JoinMessage) {
  const { inboundJoinFlows, inboundSourceIds } = this[kFlows];
  inboundJoinFlows.add(message);
  const messages = [...inboundJoinFlows];
  const taken = new Set(messages.filter((m) => m.fields.routingKey === 'flow.take').map((m) => m.content.sourceId));
  const touched = new Set(messages.map((m) => m.content.sourceId));
  const allTaken = taken.size === inboundSourceIds.size;
  const deadRegion = taken.size === 0 && touched.size === inboundSourceIds.size;
  if (!allTaken && !deadRegion) return undefined;
  for (const m of messages) m.ack();
  inboundJoinFlows.clear();
  this.broker.cancel('_run-on-inbound');
  const inbound = messages.map((m) => ({ ...m.content }));
  if (deadRegion) return this._runDiscard({ inbound, discardSequence: [...new Set(messages.flatMap((m) => m.content.discardSequence ?? []))] });
  return this.run({ inbound });
};

export function ParallelJoinGateway(activityDef: Record<string, unknown>, context: unknown): unknown {
  return new (TokenJoinActivity as unknown as new (...args: unknown[]) => unknown)(ParallelGatewayBehaviour, { ...activityDef, isParallelGateway: true }, context);
}
