// Keeps this server's copy of the housing register in step with a shared store's journal, and keeps this server's own
// register transactions from spoiling it:
// - other servers' rows are applied only while no transaction of ours is open (taking one back after a foreign change
//   to the same apartment would undo that change too); the open transaction is refused at its save, and done again;
// - our transactions are stored in the order they began: a later one may have read an earlier one's changes, so it
//   waits for it, and is refused if that one was taken back;
// - a transaction taken back while another was open cannot be undone exactly (each change restores the whole record it
//   replaced), so the copy is then rebuilt from the journal as soon as none is open, and nothing is stored before.
import { RegisterChangedError } from './register-batch.js';
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
  /** The journal's rows after `position` (0: all). */
  registerSince(position: number): Promise<RegisterRow[]>;
}

/** What the follower asks of the register it keeps. */
export interface FollowedRegister {
  apply(record: HousingRecord): void;
  forget(instanceIds: ReadonlySet<string>): void;
  /** Replaces the whole copy with the journal's rows (a rebuild). */
  replaceWith(rows: readonly RegisterRow[]): void;
}

interface Ticket {
  /** Transactions of ours open when this one began: stored before it. */
  earlier: Ticket[];
  overlapped: boolean;
  takenBack: boolean;
  ended: Promise<void>;
  end: () => void;
}

export class SharedRegisterFollower {
  /** The last journal row applied here (or this server's own). */
  position = 0;
  private readonly open = new Map<string, Ticket>();
  private readonly waiting: RegisterRow[] = [];
  /** Our transactions stored, whose rows the journal will show us again. */
  private readonly storedOwn = new Set<string>();
  private stale = false;
  private settling: Promise<void> | null = null;

  constructor(
    private readonly port: SharedRegisterPort,
    private readonly register: FollowedRegister,
  ) {}

  startAt(position: number): void {
    this.position = position;
  }

  append(batch: { records: unknown[]; basis: number }): Promise<void> {
    return this.port.appendRegister(batch);
  }

  /** Rows read from the store; applied at once when nothing of ours is open (awaited by a catch-up). */
  receive(rows: readonly RegisterRow[]): Promise<void> {
    const last = this.waiting.at(-1)?.position ?? this.position;
    this.waiting.push(...rows.filter((row) => row.position > last));
    return this.settle();
  }

  opened(transitionId: string): void {
    const earlier = [...this.open.values()];
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const ticket: Ticket = { earlier, overlapped: earlier.length > 0, takenBack: false, ended, end };
    for (const other of earlier) other.overlapped = true;
    this.open.set(transitionId, ticket);
  }

  /** Resolves when this transaction may be stored; refuses it when an earlier one was taken back or the copy is stale. */
  async turn(transitionId: string, instanceId: string | null): Promise<void> {
    const ticket = this.open.get(transitionId);
    if (ticket) await Promise.all(ticket.earlier.map((t) => t.ended));
    if (this.stale || ticket?.earlier.some((t) => t.takenBack)) throw new RegisterChangedError(instanceId ?? '(registret)');
  }

  stored(transitionId: string): void {
    this.storedOwn.add(transitionId);
  }

  closed(transitionId: string, takenBack: boolean): void {
    const ticket = this.open.get(transitionId);
    if (!ticket) return;
    this.open.delete(transitionId);
    ticket.takenBack = takenBack;
    if (takenBack && (ticket.overlapped || this.open.size > 0)) this.stale = true;
    ticket.end();
    void this.settle();
  }

  /** Applies what waits, or rebuilds a stale copy, once nothing of ours is open. */
  private settle(): Promise<void> {
    if (this.open.size > 0) return Promise.resolve();
    if (!this.stale) {
      this.drain();
      return Promise.resolve();
    }
    this.settling ??= this.rebuild().finally(() => (this.settling = null));
    return this.settling;
  }

  private async rebuild(): Promise<void> {
    const rows = await this.port.registerSince(0);
    // A transaction that began while the journal was read works on the stale copy; it is refused, and ends, and the
    // next settle rebuilds again.
    if (this.open.size > 0) return;
    this.register.replaceWith(rows);
    this.position = rows.at(-1)?.position ?? 0;
    this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((row) => row.position > this.position));
    this.storedOwn.clear();
    this.stale = false;
    this.drain();
  }

  private drain(): void {
    for (const row of this.waiting.splice(0)) {
      this.position = row.position;
      const record = row.record as Partial<HousingRecord> & { forgotten?: string[] };
      // Our own rows are in the copy already, unless their save failed here after it was stored (then taken back).
      if (row.writer === this.port.serverId && record.transitionId !== undefined && this.storedOwn.delete(record.transitionId)) continue;
      if (Array.isArray(record.forgotten)) this.register.forget(new Set(record.forgotten));
      else if (record.event) this.register.apply(record as HousingRecord);
    }
  }
}
