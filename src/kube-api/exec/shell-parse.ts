/** A small POSIX-shell reader: `;`, `&&`, `||`, pipes, quotes, `$VAR` and `${VAR}`, `>` and `>>`. */

/** Step is one pipeline of a script and the operator that joins it to the next (`;`, `&&`, `||`). */
export interface Step {
  pipeline: string[];
  next: ';' | '&&' | '||';
}

/** splitScript cuts a script into pipelines at unquoted `;`, `&&`, `||`, newlines and `|`. */
export function splitScript(script: string): Step[] | string {
  const steps: Step[] = [];
  let pipeline: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  const flush = (): void => {
    pipeline.push(current.trim());
    current = '';
  };
  const end = (next: Step['next']): void => {
    flush();
    if (pipeline.some((p) => p !== '')) steps.push({ pipeline, next });
    pipeline = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      current += c;
      if (c === '\\' && quote === '"' && i + 1 < script.length) current += script[++i];
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === '\\' && i + 1 < script.length) current += c + script[++i];
    else if (c === '&' && script[i + 1] === '&') (end('&&'), i++);
    else if (c === '|' && script[i + 1] === '|') (end('||'), i++);
    else if (c === '|') flush();
    else if (c === ';' || c === '\n') end(';');
    else current += c;
  }
  if (quote) return `sh: syntax error: unterminated quoted string`;
  end(';');
  if (steps.some((s) => s.pipeline.some((p) => p === ''))) return `sh: syntax error: unexpected "|"`;
  return steps;
}

/** Command is one simple command: its words after expansion and where its output goes. */
export interface Command {
  argv: string[];
  redirect?: { path: string; append: boolean };
}

const VAR = /^\$(\?|[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})/;

function expand(text: string, i: number, vars: (name: string) => string): [string, number] {
  const match = VAR.exec(text.slice(i));
  if (!match) return ['$', i + 1];
  const name = match[1].replace(/^\{|\}$/g, '');
  return [vars(name), i + match[0].length];
}

/** parseCommand expands and splits one command's text into words, reading a trailing `> file` or `>> file`. */
export function parseCommand(text: string, vars: (name: string) => string): Command {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  let redirect: Command['redirect'];
  let awaitingPath = false;
  const push = (): void => {
    if (word !== undefined && awaitingPath && redirect) {
      redirect.path = word;
      awaitingPath = false;
    } else if (word !== undefined) words.push(word);
    word = undefined;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word = (word ?? '') + c;
      i++;
    } else if (c === '$') {
      const [value, next] = expand(text, i, vars);
      word = (word ?? '') + value;
      i = next;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else word = (word ?? '') + (c === '\\' && i + 1 < text.length ? text[++i] : c);
      i++;
    } else if (c === '"' || c === "'") {
      quote = c;
      word = word ?? '';
      i++;
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[i + 1];
      i += 2;
    } else if (c === ' ' || c === '\t') {
      push();
      i++;
    } else if (c === '>') {
      push();
      const append = text[i + 1] === '>';
      redirect = { path: '', append };
      awaitingPath = true;
      i += append ? 2 : 1;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  push();
  return redirect ? { argv: words, redirect } : { argv: words };
}
