// The error for timer values that cannot be checked or resolved.

/** A timer value that does not parse or cannot be resolved; the message is Swedish and quotes no variable values. */
export class TimerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimerError';
  }
}
