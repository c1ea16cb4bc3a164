/**
 * zod probes whether it may compile validators with `Function("")`; the
 * Content-Security-Policy forbids eval, and the probe would log a violation.
 * Imported first by every module that builds schemas, so the setting precedes them all.
 */
import { z } from "zod";

z.config({ jitless: true });
