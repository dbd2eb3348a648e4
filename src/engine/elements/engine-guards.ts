// Engine options that make sure a diagram never runs code: scripts fail, and the only expression is a service lookup.

const serviceLookup = /^\$\{environment\.services\.([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** The `scripts` option: any script task or script condition fails the element instead of running. */
export const refuseScripts = {
  register(element: { id?: string; type?: string; behaviour?: { scriptFormat?: string; conditionExpression?: { language?: string } } }) {
    const language = element.behaviour?.conditionExpression?.language ?? element.behaviour?.scriptFormat;
    if (language || element.type === 'bpmn:ScriptTask') {
      throw new Error(`<${element.id}> scripts are not allowed`);
    }
  },
  getScript(language: string | undefined, element: { id?: string }) {
    if (language) throw new Error(`<${element.id}> scripts are not allowed`);
    return undefined;
  },
};

/**
 * The `expressions` option. Conditions and timers are evaluated by our own elements with FEEL; what reaches this
 * resolver is a service implementation or a plain name. Anything else with `${` is refused, never walked.
 */
export const serviceLookupOnly = {
  resolveExpression(expression: unknown, context: { environment?: { getServiceByName(name: string): unknown } }) {
    if (typeof expression !== 'string') return expression;
    const match = serviceLookup.exec(expression.trim());
    if (match) return context.environment?.getServiceByName(match[1]!);
    if (expression.includes('${')) throw new Error(`Expression not allowed: ${expression.slice(0, 80)}`);
    return expression;
  },
  isExpression(text: unknown) {
    return typeof text === 'string' && serviceLookup.test(text.trim());
  },
  hasExpression(text: unknown) {
    return typeof text === 'string' && text.includes('${');
  },
};
