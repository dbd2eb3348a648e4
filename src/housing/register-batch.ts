// What a transition's register changes are when a shared store saves them with the case, and the refusal when another
// server changed the register since this one read it.

/** The housing register's records of one transition, and what this server had read of the register when it began. */
export interface RegisterBatch {
  records: unknown[];
  /** The position (in the shared journal) up to which this server's copy of the register was current. */
  basis: number;
}

/** Another server changed the housing register after this one read it: the transition is done again on what it wrote. */
export class RegisterChangedError extends Error {
  constructor(readonly instanceId: string) {
    super(`The housing register was changed by another transition (instance ${instanceId})`);
    this.name = 'RegisterChangedError';
  }
}
