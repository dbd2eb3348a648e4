// The incidents of one instance: a step that failed waits at one with its next attempt until someone retries it.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { HandlerContext } from '../../handlers/index.js';
import type { Clock } from '../../timers/index.js';
import type { Incident } from '../records/index.js';
import { processRoles, type ProcessModel } from '../definitions/process-model.js';
import type { StepParking } from '../elements/durable-timers.js';
import type { HistoryRecorder } from './history-recorder.js';
import { incidentMessage } from './service-adapter.js';

/** What the incidents need of their session. */
export interface IncidentPorts {
  model: ProcessModel;
  clock: Clock;
  recorder: HistoryRecorder;
  /** The inbox of the transition running now (each transition has its own effects). */
  inbox(elementId: string): HandlerContext['inbox'];
}

export class StepIncidents {
  /** What the timers, the services and the call activities tell of a step that waits; spread into their options. */
  readonly parking: StepParking = {
    hasIncident: (elementId) => this.openIncidents().some((i) => i.elementId === elementId),
    park: (elementId, attempt, opened) => {
      this.parked.set(elementId, attempt);
      if (opened) this.openIncident(elementId, opened.message);
    },
  };
  /** The next attempt of each step waiting at an incident; a reload fills it again as the engine re-enters the step. */
  private readonly parked = new Map<string, () => Promise<void>>();
  private openedIncidents: Incident[] = [];
  private readonly resolvedIncidents = new Set<string>();

  constructor(private readonly ports: IncidentPorts, private readonly instanceId: string, private stored: readonly Incident[]) {}

  /** The next transition on the same engine starts from the stored incidents; the parked attempts stay. */
  begin(stored: readonly Incident[]): void {
    this.stored = stored;
    this.openedIncidents = [];
    this.resolvedIncidents.clear();
  }

  /** The incidents open now: stored ones not resolved in this transition, and those this transition opened. */
  openIncidents(): Incident[] {
    return [...this.stored.filter((i) => !this.resolvedIncidents.has(i.id)), ...this.openedIncidents];
  }

  /**
   * Runs the step of an open incident again with `variables` set first (by `assign`). Throws conflict with the step's
   * message when it fails again (nothing is stored then, the incident stays open).
   */
  async retry(incidentId: string, variables: Record<string, unknown>, assign: (values: Record<string, unknown>) => void): Promise<void> {
    const incident = this.openIncidents().find((i) => i.id === incidentId);
    const attempt = incident && this.parked.get(incident.elementId);
    if (!incident || !attempt) throw new AppError('not_found', 'Incidenten finns inte eller är redan löst.');
    this.ports.recorder.record('incident.retried', incident.elementId, { incidentId, variables });
    assign(variables);
    try {
      await attempt();
    } catch (err) {
      throw new AppError('conflict', `Steget misslyckades igen: ${incidentMessage(err)}`);
    }
    this.parked.delete(incident.elementId);
    this.resolvedIncidents.add(incident.id);
    this.ports.recorder.record('incident.resolved', incident.elementId, { incidentId });
  }

  /** The step waits here: recorded, and every role of the process is told in its inbox. */
  private openIncident(elementId: string, message: string): void {
    const { model, clock, recorder } = this.ports;
    const name = model.elements.get(elementId)?.name ?? elementId;
    const incident: Incident = { id: randomUUID(), instanceId: this.instanceId, elementId, name, message, at: clock.now().toISOString() };
    this.openedIncidents.push(incident);
    recorder.record('incident.opened', elementId, { incidentId: incident.id, message });
    const inbox = this.ports.inbox(elementId);
    const subject = `Ett steg har stannat: ${name}`;
    const body = `Steget "${name}" kunde inte utföras: ${message} Ärendet väntar vid steget. Rätta uppgifterna och välj Försök igen på ärendets sida.`;
    for (const group of processRoles(model)) inbox.send({ group, subject, body });
  }
}
