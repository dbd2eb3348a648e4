// Why `npm run store:copy` stopped, as the person running it needs to hear it.

/** The copy did not start: the data directory or the database cannot be used as they are. Nothing was written. */
export class CopyRefusedError extends Error {}

/** The copy was written, but reading it back found a difference (named by ids and counts, never by values). */
export class CopyMismatchError extends Error {}
