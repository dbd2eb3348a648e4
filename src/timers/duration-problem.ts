// Why a text is not a duration we can run, said precisely: the analyst copied it from another modeler or wrote it by
// hand, and "not ISO 8601" does not tell them what to change (PT0.05S is ISO 8601; it is the fraction we refuse).

const EXAMPLES = 'Skriv t.ex. P14D (14 dagar), P3M (3 månader), P1Y (1 år), P2W (2 veckor) eller PT36H (36 timmar).';
const ORDER = 'år (Y), månader (M), veckor (W), dagar (D), sedan T och timmar (H), minuter (M), sekunder (S)';
const SHAPE = /^P(\d+[YMWD])*(T(\d+[HMS])+)?$/;

/** The Swedish reason `text` is not a whole-number ISO 8601 duration; called only once it failed to parse. */
export function durationProblem(text: string): string {
  if (text.trim() === '') return 'Varaktigheten saknar värde. ' + EXAMPLES;
  if (/\s/.test(text) && /^P/i.test(text.replace(/\s+/g, ''))) return `Varaktigheten innehåller mellanslag; skriv den utan, som ${text.replace(/\s+/g, '')}.`;
  if (text !== text.toUpperCase() && text.toUpperCase().startsWith('P')) return `Varaktigheten är skriven med små bokstäver; skriv ${text.toUpperCase()}.`;
  const fraction = /\d+[.,]\d+/.exec(text);
  if (fraction && text.startsWith('P')) {
    return `Varaktigheten har en decimal (${fraction[0]}); en timer räknas här i hela tal. Skriv en mindre enhet i stället, t.ex. PT90M för en och en halv timme, eller PT1S för kortare än en sekund.`;
  }
  if (/^R\d*\//.test(text)) return 'Det här är en upprepning (R/…), inte en varaktighet. Välj sorten Upprepning, eller skriv en varaktighet som P3M.';
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return 'Det här är ett datum, inte en varaktighet. Välj sorten Datum, eller skriv en varaktighet som P14D.';
  if (!text.startsWith('P')) return `En varaktighet skrivs i ISO 8601 och börjar med P. ${EXAMPLES}`;
  if (text === 'P' || text.endsWith('T') || text === 'PT') return `Varaktigheten saknar ett tal med enhet efter ${text.endsWith('T') ? 'T' : 'P'}. ${EXAMPLES}`;
  const datePart = text.slice(1).split('T')[0] ?? '';
  const time = /\d+[HS]/.exec(datePart);
  if (time && !text.includes('T')) {
    return `Timmar, minuter och sekunder skrivs efter ett T, som P${datePart.slice(0, time.index)}T${datePart.slice(time.index)}. Ordningen är ${ORDER}.`;
  }
  if (SHAPE.test(text)) return `Delarna står i fel ordning eller finns två gånger; ordningen är ${ORDER}.`;
  return `Varaktigheten följer inte ISO 8601. ${EXAMPLES}`;
}
