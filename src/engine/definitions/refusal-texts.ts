// What a refused extension element, attribute or event is, in an analyst's words, and what to draw instead. The
// checks name the element; these say what it is and what runs here in its place.

const noCode = 'ett diagram kör aldrig kod här';
const listener = `är en lyssnare, som kör kod när steget startar eller slutar; ${noCode}. Gör det lyssnaren gör till ett eget steg: en tjänsteuppgift med en registrerad hanterare före eller efter steget.`;
const taskListener = `är en uppgiftslyssnare, som kör kod när uppgiften skapas, tilldelas eller slutförs; ${noCode}. Vem som får uppgiften anges med roll (candidateGroups), användare (candidateUsers) eller assignee; annat arbete läggs i en tjänsteuppgift efter uppgiften.`;
const mapping = 'är en in-/utdatamappning, som flyttar variabler med uttryck; här läser varje steg ärendets variabler direkt, och en hanterares resultat blir variabler. Ta bort den; ge en tjänsteuppgift sina värden som egenskaper (camunda:properties, "Tjänst" i redigeraren), gärna med FEEL som =beslutsdatum.';

/** By the extension's local name in lower case, so camunda:ExecutionListener and zeebe:executionListeners meet. */
const extensionKinds: Readonly<Record<string, string>> = {
  executionlistener: listener,
  executionlisteners: listener,
  tasklistener: taskListener,
  tasklisteners: taskListener,
  inputoutput: mapping,
  iomapping: mapping,
  failedjobretrytimecycle: 'är en inställning för automatiska omförsök. Här försöks ett steg som misslyckas inte om av sig självt: det blir en incident, och en administratör försöker om det när felet är åtgärdat. Ta bort inställningen.',
  connector: 'är en connector, som anropar ett annat system (HTTP, SOAP) direkt från diagrammet. Använd en tjänsteuppgift med en registrerad hanterare; den anropar systemet.',
  field: `är ett fält som skickas in i en Java-klass; ${noCode}. Ge hanteraren sina värden som egenskaper (camunda:properties) i stället.`,
  script: `är ett skript; ${noCode}. Gör det skriptet gör till en tjänsteuppgift med en registrerad hanterare.`,
  potentialstarter: 'anger vem som får starta ärenden. Ange det med camunda:candidateStarterGroups på processen ("Vem får starta ärenden" i redigeraren).',
  erroreventdefinition: 'gör om ett tekniskt fel till ett BPMN-fel med ett uttryck. Här ger hanteraren själv sina affärsfel: ta bort den och fånga felet med en felhändelse på uppgiften.',
  calleddecision: 'anropar en DMN-beslutstabell, som inte körs här. Rita beslutet som en exklusiv gateway med villkor.',
  subscription: 'är en korrelationsnyckel. Här skickas ett meddelande till ett bestämt ärende (POST /api/instances/:id/messages/:namn), så ingen nyckel behövs: ta bort den.',
  taskheaders: 'är rubriker till en jobbarbetare och hör bara till en tjänsteuppgift. Ta bort dem här.',
  // On a call activity camunda:in/out are read (check-call-activity.ts); anywhere else they would do nothing.
  in: 'skickar variabler till en anropad rutin och hör bara till en anropsaktivitet. Ta bort det här.',
  out: 'hämtar variabler från en anropad rutin och hör bara till en anropsaktivitet. Ta bort det här.',
};

/** The XML spelling of a moddle type: camunda:ExecutionListener is written camunda:executionListener. */
export function xmlName(type: string): string {
  const colon = type.indexOf(':');
  return colon < 0 ? type : `${type.slice(0, colon + 1)}${type.charAt(colon + 1).toLowerCase()}${type.slice(colon + 2)}`;
}

/**
 * Why an extension element is refused, named for what it is; `where` is e.g. " på ett meddelande", `allowed` what
 * may stand there instead.
 */
export function extensionRefused(type: string, where = '', allowed = 'formulärfält (camunda:formData) och egenskaper (camunda:properties)'): string {
  const local = type.slice(type.indexOf(':') + 1).toLowerCase();
  const kind = Object.hasOwn(extensionKinds, local) ? extensionKinds[local] : undefined;
  if (kind) return `Tillägget ${xmlName(type)}${where} ${kind}`;
  return `Tillägget ${xmlName(type)} stöds inte${where} och skulle aldrig läsas. Ta bort det; det som går att ange här är ${allowed}.`;
}

const chooseHandler = 'Välj vad steget gör bland de registrerade hanterarna ("Tjänst" i redigeraren, eller implementation="${environment.services.<hanterare>}").';

/** Why a camunda: attribute of a step is refused, and what to write instead. */
export function attributeRefused(attr: string, value: string): string {
  switch (attr) {
    case 'class':
      return `camunda:class anropar Java-klassen "${value}"; ${noCode}. ${chooseHandler}`;
    case 'expression':
      return `camunda:expression räknar ut ett uttryck som kan anropa kod; ${noCode}. ${chooseHandler}`;
    case 'delegateExpression':
      return `camunda:delegateExpression pekar ut en Java-böna; ${noCode}. ${chooseHandler}`;
    case 'resultVariable':
      return 'camunda:resultVariable behövs inte: hanterarens resultat blir ärendets variabler direkt. Ta bort attributet.';
    case 'topic':
      return `camunda:topic läses som hanterarens namn bara på en extern uppgift (camunda:type="external") utan implementation. Ta bort det, eller ${chooseHandler.charAt(0).toLowerCase()}${chooseHandler.slice(1)}`;
    case 'type':
      return `camunda:type="${value}" är ett inbyggt Camunda-beteende som inte finns här. ${chooseHandler}`;
    default:
      return `Attributet camunda:${attr} stöds inte. Ta bort det.`;
  }
}

/** An attribute of a namespace we do not know: nothing would ever read it. */
export const foreignAttributeRefused = (name: string) =>
  `Attributet ${name} hör till ett tillägg som inte läses här, så det skulle inte göra något. Ta bort det.`;

/** Events the engine does not run, with what to draw instead. */
export const eventRefusals = {
  conditional:
    'En villkorshändelse väntar på att ett villkor blir sant, men här prövas inget villkor medan ärendet väntar. Använd en meddelandehändelse: den som ser att villkoret är uppfyllt skickar meddelandet till ärendet. Kan villkoret prövas på en gång, använd en exklusiv gateway med villkor.',
  signal:
    'En signal kan inte skickas till ett ärende, så ärendet skulle vänta för alltid. Använd en meddelandehändelse: ett meddelande skickas till just det ärendet.',
  escalation:
    'Att vänta på en eskalering stöds inte: inget steg här skickar någon till ärendet. Använd en felhändelse (fel som fångas) om steget ska avbrytas, eller en meddelandehändelse om någon ska få veta något medan ärendet går vidare.',
  compensation:
    'Kompensation stöds inte: ärendet skulle bli stående utan att något steg är aktivt. Rita ångrandet som vanliga steg i flödet, efter en gateway som väljer den vägen.',
  link: 'Länkhändelser stöds inte: ärendet går inte vidare genom dem. Rita flödet direkt mellan stegen.',
} as const;

/** A condition in a script language; `${…}`/`#{…}` with language="juel" is read as our own grammar instead. */
export const conditionLanguageRefused = (language: string) =>
  `Villkor i språket "${language}" är skript, och ${noCode}. Skriv villkoret i FEEL utan language-attribut, t.ex. svar = "ja", eller som \${…} med jämförelser.`;
