// One deployed version of a process: what the registry keeps and the store saves beside the BPMN source.

/** One deployed version of a process key. The BPMN source is stored once per version, never per instance. */
export interface DefinitionVersion {
  key: string;
  version: number;
  name: string;
  /** sha256 of the BPMN source; decides whether an upload is a new version. */
  hash: string;
  deployedAt: string;
  deployedBy: string;
}
