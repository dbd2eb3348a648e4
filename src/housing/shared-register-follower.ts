// Keeps this server's copy of the housing register in step with a shared store's journal: rows other servers wrote are
// applied in journal order, but only while no transaction of ours is open (taking one back after a foreign change to
// the same apartment would undo that change too); the open transaction is then refused at its save, and done again.
import type { HousingRecord } from './housing-journal.js';

/** A row of the shared journal: its place, the server that wrote it (null: a tool, or every server's to apply) and the record. */
export interface RegisterRow {
  position: number;
  writer: string | null;
  record: unknown;
}

/** What a shared store offers the register. */
export interface SharedRegisterPort {
  readonly serverId: string;
  /** Appends set-up records outside any case, only if nobody else changed the register since `basis`. */
  appendRegister(batch: { records: unknown[]; basis: number }): Promise<void>;
}

export class SharedRegisterFollower {
  /** The last journal row applied here (or this server's own). */
  position = 0;
  private open = 0;
  private readonly waiting: RegisterRow[] = [];

  constructor(
    private readonly port: SharedRegisterPort,
    private readonly apply: (record: HousingRecord) => void,
    private readonly forget: (instanceIds: ReadonlySet<string>) => void,
  ) {}

  startAt(position: number): void {
    this.position = position;
  }

  append(batch: { records: unknown[]; basis: number }): Promise<void> {
    return this.port.appendRegister(batch);
  }

  receive(rows: readonly RegisterRow[]): void {
    const last = this.waiting.at(-1)?.position ?? this.position;
    this.waiting.push(...rows.filter((row) => row.position > last));
    if (this.open === 0) this.drain();
  }

  opened(): void {
    this.open++;
  }

  closed(): void {
    this.open--;
    if (this.open === 0) this.drain();
  }

  private drain(): void {
    for (const row of this.waiting.splice(0)) {
      this.position = row.position;
      if (row.writer === this.port.serverId) continue;
      const record = row.record as Partial<HousingRecord> & { forgotten?: string[] };
      if (Array.isArray(record.forgotten)) this.forget(new Set(record.forgotten));
      else if (record.event) this.apply(record as HousingRecord);
    }
  }
}
