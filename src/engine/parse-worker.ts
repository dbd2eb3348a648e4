// Worker thread body: parses and checks one uploaded diagram away from the server's event loop, answers with its problems.
import '../zod-jitless.js';
import { parentPort, workerData } from 'node:worker_threads';
import { checkDefinition } from './compile-definition.js';

/** What the main thread hands over: plain data only, nothing that carries functions. */
export interface ParseRequest {
  xml: string;
  file: string;
  handlerNames: string[];
}

const { xml, file, handlerNames } = workerData as ParseRequest;
const { problems } = await checkDefinition(xml, file, new Set(handlerNames));
parentPort!.postMessage({ problems });
