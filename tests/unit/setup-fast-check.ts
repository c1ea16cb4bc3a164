/**
 * Property tests draw the same cases on every run, so that a red run means a
 * regression, not an unlucky draw. To explore new cases, give a seed or
 * "random" (a failure prints the seed and the shrunk counterexample):
 *   KG_PROPERTY_SEED=random KG_PROPERTY_RUNS=2000 npx vitest run --project unit
 * KG_PROPERTY_RUNS raises the runs of the build's properties, the slowest.
 */
import fc from "fast-check";

const given = process.env.KG_PROPERTY_SEED;
const seed = given === "random" ? Math.floor(Math.random() * 2 ** 31) : given ? Number(given) : 20261126;
if (!Number.isInteger(seed)) throw new Error(`KG_PROPERTY_SEED must be an integer or "random", not ${JSON.stringify(given)}`);
if (given) console.log(`fast-check seed ${seed}`);
fc.configureGlobal({ seed });
