// Imported first: zod must never compile validators with `new Function` (house rule: nothing is evaluated as code).
import { z } from 'zod';

z.config({ jitless: true });
