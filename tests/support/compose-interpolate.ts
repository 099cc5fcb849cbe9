// Docker Compose's variable interpolation, the forms the Compose specification lists
// (compose-spec 12-interpolation.md; docs.docker.com/reference/compose-file/interpolation):
// ${VAR}, $VAR, ${VAR:-default}, ${VAR-default}, ${VAR:+alt}, ${VAR+alt}, ${VAR:?err},
// ${VAR?err}, nested operands, and $$ for a literal $. Enough to read docker-compose.yml the
// way Compose does, without a Docker engine.

type Env = Readonly<Record<string, string>>;

export function interpolate(text: string, env: Env): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$') {
      out += c;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = closing(text, i + 2);
      out += expand(text.slice(i + 2, end), env);
      i = end + 1;
    } else {
      const name = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(text.slice(i + 1))?.[0];
      if (!name) {
        out += '$';
        i += 1;
      } else {
        out += env[name] ?? '';
        i += 1 + name.length;
      }
    }
  }
  return out;
}

/** Index of the `}` closing a `${` whose body starts at `from` (bodies may nest). */
function closing(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth += 1;
      i += 1;
    } else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unclosed \${ in ${text}`);
}

function expand(body: string, env: Env): string {
  const match = /^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[-+?])([\s\S]*))?$/.exec(body);
  if (!match) throw new Error(`invalid interpolation \${${body}}`);
  const [, name = '', op, operand = ''] = match;
  const value = env[name];
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (op) {
    case undefined:
      return value ?? '';
    case ':-':
      return nonEmpty ? value : interpolate(operand, env);
    case '-':
      return set ? value : interpolate(operand, env);
    case ':+':
      return nonEmpty ? interpolate(operand, env) : '';
    case '+':
      return set ? interpolate(operand, env) : '';
    case ':?':
      if (!nonEmpty) throw new Error(interpolate(operand, env));
      return value;
    case '?':
      if (!set) throw new Error(interpolate(operand, env));
      return value;
    default:
      throw new Error(`invalid operator in \${${body}}`);
  }
}
