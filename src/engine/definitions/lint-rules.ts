// Which of bpmnlint's recommended rules refuse a diagram and which only advise: the one place that decides, with why.

/**
 * A rule that `refuses` is about how the diagram runs: its findings always stop a deploy, and `.bpmnlintrc` may not
 * loosen it. Any other rule is about how the diagram reads: a warning unless the organisation's `.bpmnlintrc` says
 * otherwise. `why` is the reason for the choice; `message` is what the analyst is told.
 */
export interface LintRulePolicy {
  refuses: boolean;
  why: string;
  message: string;
  /** About the drawing alone: not applied to a drawing laid out here, which the analyst did not draw. */
  drawing?: true;
}

export const lintRules: Readonly<Record<string, LintRulePolicy>> = {
  'ad-hoc-sub-process': { refuses: true, why: 'a malformed ad hoc sub-process has no defined run', message: 'Ad hoc-delprocessen är felaktigt uppbyggd. Rita stegen i en vanlig delprocess i stället.' },
  'conditional-flows': { refuses: true, why: 'a flow without a condition beside conditional ones is always taken', message: 'Ett flöde ut från en gateway eller aktivitet med villkor saknar villkor. Ge flödet ett villkor, eller gör det till standardflöde (det som väljs när inget villkor gäller).' },
  'end-event-required': { refuses: false, why: 'a case ends when its last step is done, end event or not', message: 'Processen saknar sluthändelse.' },
  'event-based-gateway': { refuses: true, why: 'the gateway waits only for events; anything else after it is never reached', message: 'En händelsebaserad gateway måste leda till minst två händelser och inget annat. Låt varje flöde ut gå till en timer, ett meddelande eller en mottagande uppgift.' },
  'event-sub-process-typed-start-event': { refuses: true, why: 'an event sub-process without a typed start is never started', message: 'Händelsedelprocessen måste börja med en typad starthändelse. Ge starthändelsen en timer eller ett meddelande.' },
  'fake-join': { refuses: false, why: 'flows meeting at a task merge alternative paths; parallel ones are refused by our one-token check', message: 'Flera flöden går in i elementet utan gateway; rita en gateway där de möts.' },
  global: { refuses: false, why: 'an unused or doubly named message, signal or error changes nothing that runs', message: 'Ett globalt element (meddelande, signal, fel) används inte eller har samma namn som ett annat.' },
  'label-required': { refuses: false, why: 'the engine runs by ids; a missing name only shows the id on the pages', message: 'Elementet saknar namn.' },
  'link-event': { refuses: true, why: 'unpaired link events break the flow', message: 'Länkhändelserna hör inte ihop (varje kastande länk behöver en fångande med samma namn). Rita hellre flödet direkt mellan stegen.' },
  'no-bpmndi': { refuses: true, drawing: true, why: 'a drawing that leaves out an element cannot show a case standing there (a diagram with no drawing gets one)', message: 'Elementet saknas i ritningen (BPMN DI). Rita in det, eller ta bort hela ritningen så skapas en automatiskt.' },
  'no-complex-gateway': { refuses: true, why: 'complex gateways have no defined run in the engine', message: 'Komplexa gateways stöds inte. Använd en exklusiv gateway (en väg väljs med villkor) eller en parallell gateway (alla vägar).' },
  'no-disconnected': { refuses: true, why: 'an element with no flow in is started when the case starts', message: 'Elementet är inte kopplat till flödet. Koppla det med ett flöde, eller ta bort det.' },
  'no-duplicate-sequence-flows': { refuses: true, why: 'two flows between the same elements send two tokens', message: 'Två flöden går mellan samma element med samma villkor. Ta bort det ena.' },
  'no-gateway-join-fork': { refuses: false, why: 'the engine joins, then splits, at one gateway exactly as at two', message: 'Gatewayen både sammanför och delar flöden; använd en gateway för vardera.' },
  'no-implicit-split': { refuses: false, why: 'several flows out of a step are a parallel split, as BPMN says; a gateway only shows it', message: 'Flera flöden går ut från elementet utan gateway; rita en gateway där flödet delas.' },
  'no-implicit-end': { refuses: false, why: 'a path that stops at a step ends there, as at an end event', message: 'Elementet har inget utgående flöde; avsluta med en sluthändelse.' },
  'no-implicit-start': { refuses: true, why: 'an element with no flow in is started when the case starts, beside the start event', message: 'Elementet har inget inkommande flöde; börja med en starthändelse.' },
  'no-inclusive-gateway': { refuses: false, why: 'inclusive gateways run; they are only harder to follow', message: 'Inkluderande gateways är svåra att följa; överväg exklusiva eller parallella.' },
  'no-overlapping-elements': { refuses: false, drawing: true, why: 'the drawing only, not the run', message: 'Elementet ligger ovanpå ett annat i ritningen.' },
  'single-blank-start-event': { refuses: true, why: 'with two blank start events it is not clear where a case starts', message: 'Processen har mer än en starthändelse utan typ. Behåll en; ta bort de andra eller ge dem ett meddelande eller en timer.' },
  'single-event-definition': { refuses: true, why: 'an event with two definitions waits for either, which no one drew on purpose', message: 'Händelsen har mer än en händelsedefinition. Rita en händelse per definition, efter en händelsebaserad gateway.' },
  'start-event-required': { refuses: true, why: 'a case needs a start event to start from', message: 'Processen saknar starthändelse. Rita en starthändelse utan typ där ärendet börjar.' },
  'sub-process-blank-start-event': { refuses: true, why: 'a sub-process starts from its blank start event', message: 'Delprocessen måste börja med en starthändelse utan typ. Rita en sådan först i delprocessen.' },
  'superfluous-gateway': { refuses: false, why: 'a gateway with one flow in and out passes the token on', message: 'Gatewayen har bara ett flöde in och ett ut och behövs inte.' },
  'superfluous-label': { refuses: false, why: 'a name on a flow is only text', message: 'Flödet har ett namn fast det varken har ett villkor eller går ut från en gateway som väljer väg.' },
  'superfluous-termination': { refuses: false, why: 'a terminate end where nothing else runs ends the case as a plain end does', message: 'Avslutande sluthändelse behövs inte här; en vanlig sluthändelse räcker.' },
};

/** The rules without those about the drawing alone, for a diagram whose drawing was laid out here. */
export function withoutDrawingRules<T>(rules: Readonly<Record<string, T>>): Record<string, T | 'off'> {
  return Object.fromEntries(Object.entries(rules).map(([name, value]) => [name, lintRules[name]?.drawing ? 'off' : value]));
}

/** The rules as bpmnlint reads them when `processes/.bpmnlintrc` is absent: refusing ones as errors, the rest as warnings. */
export const defaultLintRules: Readonly<Record<string, 'error' | 'warn'>> = Object.fromEntries(
  Object.entries(lintRules).map(([name, rule]) => [name, rule.refuses ? 'error' : 'warn']),
);
