// The one function of bpmn-auto-layout we use; the package ships no types.
declare module 'bpmn-auto-layout' {
  /** The BPMN XML with a drawing (BPMN DI) laid out for its first process, replacing any it had. */
  export function layoutProcess(xml: string): Promise<string>;
}
