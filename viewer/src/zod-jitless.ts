/**
 * Tells zod not to compile validators with `new Function`: the page's CSP forbids eval, and even zod's probe
 * for it logs a CSP violation. Imported first by main.ts, before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
