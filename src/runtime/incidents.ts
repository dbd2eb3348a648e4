// Incidents: steps that failed for a reason the diagram does not catch. The case waits at the step; a person of the
// process corrects the variables the step reads and retries it, and the process goes on from there.
import { permissions, type Actor } from '../auth/index.js';
import { processRoles, reservedVariableNames, type DefinitionRegistry, type Incident, type InstanceIndex, type InstanceTransitions } from '../engine/index.js';
import { decisionFieldNames } from '../decisions/index.js';
import { AppError, type FieldError } from '../errors.js';
import { checkValueLimits, fieldMessages } from '../forms/index.js';
import { assertCanRetry } from './access.js';

export interface IncidentView extends Incident {
  processKey: string;
  businessKey: string | null;
}

export interface IncidentServiceDeps {
  index: InstanceIndex;
  registry: DefinitionRegistry;
  transitions: InstanceTransitions;
}

export function createIncidentService({ index, registry, transitions }: IncidentServiceDeps) {
  const rolesOf = (processKey: string, version: number) => {
    const model = registry.get(processKey, version)?.model;
    return model ? processRoles(model) : [];
  };

  return {
    /**
     * The open incidents of a case with the variables their step reads (names in its properties' or its timer's FEEL
     * that the case holds or a task's form asks for, the decision's own fields left out) and their values now, for the
     * retry form; `canRetry` for the actor.
     */
    incidentForms(instanceId: string, actor: Actor) {
      const summary = index.get(instanceId);
      if (!summary?.incidents?.length) return [];
      const model = registry.get(summary.processKey, summary.version)?.model;
      const canRetry = permissions.actInProcess(actor, rolesOf(summary.processKey, summary.version));
      return summary.incidents.map((incident) => {
        const timer = model?.elements.get(incident.elementId)?.timer;
        const expressions = [...Object.values(model?.serviceTasks.get(incident.elementId)?.properties ?? {}), ...(timer ? [timer] : [])].filter((v) => v.startsWith('='));
        const names = new Set(expressions.flatMap((e) => e.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []));
        // A form field nobody filled in is not among the case's values, yet it is what a retry must be able to give.
        const formFields = new Set([...(model?.userTasks.values() ?? [])].flatMap((t) => t.form.map((f) => f.id)));
        const reads = [...names].filter((n) => (n in summary.variables || formFields.has(n)) && !(decisionFieldNames as readonly string[]).includes(n)).sort();
        return { ...incident, canRetry, variables: reads.map((name) => ({ name, value: summary.variables[name] ?? null })) };
      });
    },

    /** Open incidents in the cases whose process the actor acts in (every case for admin), oldest first. */
    listIncidents(filter: { processKey?: string }, actor: Actor): IncidentView[] {
      const open: IncidentView[] = [];
      for (const s of index.all()) {
        if (!s.incidents?.length || (filter.processKey && s.processKey !== filter.processKey)) continue;
        if (!permissions.actInProcess(actor, rolesOf(s.processKey, s.version))) continue;
        for (const i of s.incidents) open.push({ ...i, processKey: s.processKey, businessKey: s.businessKey });
      }
      return open.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    },

    /**
     * Runs the failed step again with the corrected variables (the decision's own fields, its day and person, cannot
     * be changed this way); conflict with the step's message when it fails again, and nothing changes then.
     */
    async retryIncident(instanceId: string, incidentId: string, variables: Record<string, unknown>, actor: Actor): Promise<void> {
      const summary = index.get(instanceId);
      if (!summary) throw new AppError('not_found', 'Ärendet finns inte.');
      const model = registry.get(summary.processKey, summary.version)!.model;
      assertCanRetry(actor, processRoles(model));
      if (!summary.incidents?.some((i) => i.id === incidentId)) throw new AppError('not_found', 'Incidenten finns inte eller är redan löst.');
      const decisionFields = new Set<string>(decisionFieldNames);
      const whole = checkValueLimits(variables, 'variables');
      if (whole) throw new AppError('validation_failed', whole.message, [whole]);
      const errors: FieldError[] = [];
      for (const [name, value] of Object.entries(variables)) {
        if (decisionFields.has(name)) errors.push({ field: name, message: fieldMessages.decision });
        else if (reservedVariableNames.has(name) || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) errors.push({ field: name, message: fieldMessages.unknown });
        else {
          const tooLarge = checkValueLimits(value, name);
          if (tooLarge) errors.push(tooLarge);
        }
      }
      if (errors.length) throw new AppError('validation_failed', undefined, errors);
      await transitions.withEngine(instanceId, actor.username, (session) => session.retryIncident(incidentId, variables));
    },
  };
}

export type IncidentService = ReturnType<typeof createIncidentService>;
