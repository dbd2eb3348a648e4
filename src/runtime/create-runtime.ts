// Builds the runtime: opens the store, deploys the diagrams, recovers the instances, catches up on missed timers, and
// composes the services the web asks of the system. Each service declares and implements its methods in its own file.
import { createAccessLog } from '../audit/index.js';
import { DefinitionRegistry, InstanceIndex, InstanceTransitions, TimerScheduler } from '../engine/index.js';
import type { HandlerLogger, ServiceHandler } from '../handlers/index.js';
import type { FormChoices } from '../forms/index.js';
import type { GallringConfig } from '../gallring/index.js';
import { apartmentChoices, createHousingService, HousingRegister, offerChoices, queueEntryChoices, unitChoices, type HousingState } from '../housing/index.js';
import { createReportService, type IvoConfig } from '../reports/index.js';
import type { Store } from '../store/index.js';
import { type Clock, type ClockMode, ManualClock, stockholmDay, SystemClock } from '../timers/index.js';
import { createCaseAccess } from './case-access.js';
import { createCaseAnswerService } from './case-answers.js';
import { createClockService, manualClockSetting } from './clock.js';
import { createDecisionService } from './decisions.js';
import { createGallringService } from './gallring.js';
import { createInboxService } from './inbox.js';
import { createIncidentService } from './incidents.js';
import { createInstanceService } from './instances.js';
import { createMessageRelay } from './message-relay.js';
import { createCallRelay } from './call-activities.js';
import { createCaseCalls } from './case-calls.js';
import { createProcessService } from './processes.js';
import { createPendingDraftService } from './pending-drafts.js';
import { createSignOutService, signOutsSetting } from './sign-outs.js';
import { LearnedSettings } from './learned-settings.js';
import { createSignInFailureService, signInFailuresSetting } from './sign-in-failures.js';
import { createTaskService } from './tasks.js';
import { createSharedStoreSync, readShared } from './shared-store-sync.js';

export interface RuntimeOptions {
  store: Store;
  /** `manual`: time moves only through moveClock; its current time is kept in the store across restarts. */
  clockMode: ClockMode;
  /** Every `*.bpmn` here is checked and deployed at boot. */
  processesDir: string;
  handlers: ServiceHandler<any>[];
  logger: HandlerLogger;
  /** System clock: how often due timers are looked for. */
  schedulerIntervalMs?: number;
  /** IVO reporting windows, threshold and legal references (config/ivo.json). */
  ivoConfig: IvoConfig;
  /** How long ended cases are kept (config/gallring.json); without it gallring is refused. */
  gallringConfig?: GallringConfig;
  /** Hydrated engines kept between transitions (default 100; 0 keeps none). */
  engineCacheSize?: number;
  /** Manual clock: where time starts in an empty store (default: now). */
  manualClockStart?: Date;
  /** Who holds a role, for forms' user fields (the web's user directory); without it such fields offer nobody. */
  users?: { withRole(role: string): { username: string; name: string }[] };
}

/**
 * What the web may ask of the system: plain objects in and out, no HTTP and no engine types. Methods throw `AppError`
 * (not_found, forbidden, validation_failed with fields, task_closed, task_claimed, instance_not_running,
 * clock_not_manual, invalid_definition, conflict) for expected failures.
 */
export type RuntimeApi = Awaited<ReturnType<typeof createRuntime>>;

/** Throws DefinitionError when a diagram is bad; the store is released again then. */
export async function createRuntime(options: RuntimeOptions) {
  const { store, logger } = options;
  await store.open();
  let stopSync = () => undefined as void;
  try {
    const clock = await createClock(options);
    const now = () => clock.now();
    const handlers = new Map(options.handlers.map((h) => [h.name, h as ServiceHandler<unknown>]));
    const registry = new DefinitionRegistry(store.definitions, handlers, clock);
    await registry.loadStored();
    // Style findings do not stop the boot; they are logged (file, element, finding: no case data) for the analyst.
    for (const w of await registry.deployDirectory(options.processesDir)) logger.warn({ file: w.file, elementId: w.elementId, finding: w.message }, 'diagrammet har en anmärkning');
    const { shared } = store;
    const boot = shared ? await readShared(shared, () => store.instances.listSummaries()) : null;
    // A version another server stored between this one's loadStored and the first read is before the read's cursor.
    if (boot) await registry.loadStored();
    const index = new InstanceIndex();
    index.load(boot ? boot.summaries : await store.instances.listSummaries());
    const housing = new HousingRegister(store.housingJournal, shared ?? null);
    await housing.load(new Map([...index.all()].map((s) => [s.id, s.rev])), boot?.changes.register);
    let scheduler: TimerScheduler | null = null;
    const settings = new LearnedSettings();
    settings.on(manualClockSetting, (value) => {
      if (typeof value === 'string' && clock instanceof ManualClock) scheduler?.followManualClock(clock, new Date(value));
    });
    const sync = shared && boot ? createSharedStoreSync({ shared, index, registry, housing, logger, settingLearned: (name, value) => settings.learned(name, value) }, boot.changes.cursor) : null;
    if (sync) stopSync = () => sync.stop();
    const catchUp = async () => void (await sync?.catchUp());
    // A transition refused as stale: someone else stored the case, so read even if this server thought itself alone.
    const catchUpAfterStale = async () => void (await sync?.catchUp({ force: true }));
    const transitions = new InstanceTransitions({ instances: store.instances, index, registry, handlers, clock, logger, housing, engineCacheSize: options.engineCacheSize ?? 100, ...(shared ? { catchUp: catchUpAfterStale } : {}) });
    const users = options.users ?? { withRole: () => [] };
    const caseAccess = createCaseAccess({ index, registry });
    const choices = formChoices(housing, clock, users);
    const relay = createMessageRelay({ index, transitions, registry, clock, logger, choices });
    transitions.onOutbox((senderId) => relay.deliverOutbox(senderId));
    await relay.deliverLeftOver();
    const calls = createCallRelay({ index, transitions, registry, instances: store.instances, clock, logger, choices });
    transitions.onStoredCalls((stored) => calls.settle(stored));
    await calls.settleLeftOver();
    // Cases an earlier version stopped at a failing service task run that step again: they go on, or wait at an incident.
    for (const summary of [...index.all()].filter((s) => s.state === 'failed')) {
      const revived = await transitions.reviveFailed(summary.id).catch((err: Error) => {
        logger.error({ instanceId: summary.id, err: err.name }, 'failed case could not be revived');
        return false;
      });
      if (!revived) logger.warn({ instanceId: summary.id, processKey: summary.processKey }, 'failed case left as it is');
    }
    // A shared store: learn first what the others stored, so the firing finds the case as stored (not a kept engine
    // from before another server armed the timer).
    const claimDue = shared ? async (until: Date, limit: number, skip: ReadonlySet<string>) => (await catchUp(), shared.claimDueTimers(until, limit, skip)) : null;
    scheduler = new TimerScheduler(index, transitions, clock, logger, claimDue);
    // The clock as the first read found it (another server may have moved it since this one made its clock).
    for (const { name, value } of boot?.changes.settings ?? []) settings.learned(name, value);
    // Timers that fell due while the server was down fire now, in due order, before anything else is served.
    await scheduler.fireDue(clock.now());
    if (clock.mode === 'system') scheduler.start(options.schedulerIntervalMs ?? 1000);
    const reportableCases = () => [...index.all()].map((summary) => ({ summary, properties: registry.get(summary.processKey, summary.version)?.model.properties ?? {} }));
    return {
      /** Learns what other servers on a shared store stored before now (nothing to learn on the embedded store). */
      catchUp,
      ...createProcessService({ registry, choices }),
      ...createInstanceService({ registry, index, transitions, instances: store.instances, clock, choices }),
      ...createTaskService({ index, transitions, clock, choices, registry, users }),
      ...createCaseAnswerService({ index, registry, housing, users }),
      ...caseAccess,
      ...createCaseCalls({ index, registry }),
      ...createInboxService({ index, transitions, clock }),
      ...createDecisionService({ registry, index, transitions, clock }),
      ...createIncidentService({ index, registry, transitions }),
      ...createClockService({ clock, scheduler, settings: store.settings }),
      ...createSignOutService({ settings: store.settings, onLearned: (listener) => settings.on(signOutsSetting, listener) }),
      ...createSignInFailureService({ settings: store.settings, shared: shared !== undefined, onLearned: (listener) => settings.on(signInFailuresSetting, listener) }),
      ...createPendingDraftService({ settings: store.settings }),
      ...createHousingService({ register: housing, now }),
      ...createReportService({ cases: reportableCases, ivoConfig: options.ivoConfig }),
      ...createAccessLog({ journal: store.accessLog, now }),
      ...createGallringService({ index, registry, transitions, housing, log: store.gallringLog, config: options.gallringConfig ?? null, clock, logger }),
      /**
       * Stops the scheduler, then releases the store. The diagram checkers' worker threads are shared by every runtime
       * of the process and let go when idle (they never hold it open), so a restart in the same process finds them warm.
       */
      async close(): Promise<void> {
        calls.close();
        stopSync();
        await scheduler.stop();
        await store.close();
      },
    };
  } catch (err) {
    stopSync();
    await store.close();
    throw err;
  }
}

async function createClock(options: RuntimeOptions): Promise<Clock> {
  if (options.clockMode === 'system') return new SystemClock();
  const saved = await options.store.settings.get<string>(manualClockSetting);
  return new ManualClock(saved ? new Date(saved) : (options.manualClockStart ?? new Date()));
}

/** What reference fields offer and where date limits count from: the registers and the users now. */
function formChoices(housing: { readonly state: HousingState }, clock: Clock, users: NonNullable<RuntimeOptions['users']>): FormChoices {
  return {
    apartments: (status) => apartmentChoices(housing.state, status),
    queueEntries: (insats) => queueEntryChoices(housing.state, insats),
    units: () => unitChoices(housing.state),
    offers: () => offerChoices(housing.state),
    users: (role) => users.withRole(role).map((u) => ({ id: u.username, name: `${u.name} – ${u.username}` })),
    today: () => stockholmDay(clock.now()),
  };
}
