/**
 * The options of the project's scripts (`npm run graph`, `coverage`, `bench`
 * and its generator), read one way: an unknown or malformed option prints the
 * problem and the help and ends with exit code 2; `--help` prints the help and
 * ends with 0.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Config<O extends Options> = { args: string[]; options: O; strict: true; allowPositionals: false };

/** The values of the options, typed from their declaration. */
export type OptionValues<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>["values"];

/** The options' values, or the exit code when the script is to stop at once. */
export function readOptions<O extends Options>(program: string, help: string, argv: string[], options: O): OptionValues<O> | number {
  let values: OptionValues<O>;
  try {
    values = parseArgs<Config<O>>({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    console.error(`${program}: ${(err as Error).message}\n\n${help}`);
    return 2;
  }
  if ((values as { help?: boolean }).help) {
    console.log(help);
    return 0;
  }
  return values;
}
