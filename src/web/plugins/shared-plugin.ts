// Marks a plugin as shared with its parent, as fastify-plugin does, so its hooks and decorators apply app-wide.
import type { FastifyPluginAsync } from 'fastify';

/**
 * Returns the plugin with Fastify's documented `skip-override` property set: registered on the root, its
 * decorators, hooks and handlers apply to the whole app instead of an encapsulated child context.
 */
export function sharedPlugin<Options extends Record<string, unknown>>(
  name: string,
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: name });
  return plugin;
}
