// What every route plugin is given: the runtime it adapts HTTP to.
import type { RuntimeApi } from '../../runtime/index.js';

/** Options of the /api route plugins. */
export interface RouteOptions extends Record<string, unknown> {
  runtime: RuntimeApi;
}
