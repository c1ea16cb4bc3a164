/**
 * zod probes whether it may compile validators with `Function("")`; the
 * Content-Security-Policy forbids eval, and the probe would log a violation.
 * Imported first by main.tsx, so the setting precedes every schema.
 */
import { z } from "zod";

z.config({ jitless: true });
