// Worker entry for parse-worker.ts: Node 20 ignores `--import tsx` in a Worker's execArgv, so tsx is registered here.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./parse-worker.ts');

export default worker.default;
