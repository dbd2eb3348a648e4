// The one source of time for the engine, the handlers, due dates and history.

export type ClockMode = 'system' | 'manual';

export interface Clock {
  readonly mode: ClockMode;
  now(): Date;
}

export class SystemClock implements Clock {
  readonly mode = 'system' as const;
  now(): Date {
    return new Date();
  }
}

/** Moves only when told (tests, training, demos); never backwards. */
export class ManualClock implements Clock {
  readonly mode = 'manual' as const;
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    if (to.getTime() < this.current) throw new RangeError('Klockan kan inte flyttas bakåt.');
    this.current = to.getTime();
  }
}
