// Who is asking: a signed-in user with their roles, as every runtime call receives it.

/** The user behind a request: the runtime decides what they may see and do from their roles. */
export interface Actor {
  username: string;
  roles: string[];
  /** The units (boenden, providers) the user works for; absent or empty: not tied to one. */
  units?: string[];
}
