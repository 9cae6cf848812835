/**
 * The argument loop the subcommands share (`package`, `encode`): each argument with its flag (`--flag=value` split),
 * and `value()` to read the flag's value, inline or from the next argument.
 */
export class MissingValue extends Error {}

export function eachArgument(argv: readonly string[], visit: (arg: string, flag: string, value: () => string) => 'help' | void): 'help' | void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new MissingValue(`${flag} needs a value`);
      return v;
    };
    if (visit(arg, flag, value) === 'help') return 'help';
  }
}
