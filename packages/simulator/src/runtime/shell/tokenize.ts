// Splits a shell script into commands and words the way sh does for simple cases: quotes, $VARS, ; && ||.
/** How a command is joined to the one before it. */
export type Joiner = ';' | '&&' | '||';

/** One simple command of a script. */
export interface ScriptCommand {
  readonly joiner: Joiner;
  readonly words: readonly string[];
}

type Lookup = (name: string) => string;

class Scanner {
  readonly #text: string;
  readonly #lookup: Lookup;
  #at = 0;
  readonly commands: ScriptCommand[] = [];
  #words: string[] = [];
  #word: string | undefined;
  #joiner: Joiner = ';';

  constructor(text: string, lookup: Lookup) {
    this.#text = text;
    this.#lookup = lookup;
  }

  /** Commands one at a time, so `$?` expands after the command before it has run. */
  *scan(): Generator<ScriptCommand> {
    while (this.#at < this.#text.length) {
      this.#step(this.#text[this.#at] ?? '');
      yield* this.commands.splice(0);
    }
    this.#endCommand(';');
    yield* this.commands.splice(0);
  }

  #step(char: string): void {
    const two = this.#text.slice(this.#at, this.#at + 2);
    if (two === '&&' || two === '||') {
      this.#at += 2;
      return this.#endCommand(two);
    }
    this.#at += 1;
    if (char === ';' || char === '\n') return this.#endCommand(';');
    if (char === ' ' || char === '\t') return this.#endWord();
    if (char === "'") return this.#single();
    if (char === '"') return this.#double();
    if (char === '$') return this.#append(this.#variable());
    if (char === '\\') return this.#append(this.#text[this.#at++] ?? '');
    this.#append(char);
  }

  #single(): void {
    const end = this.#text.indexOf("'", this.#at);
    const stop = end === -1 ? this.#text.length : end;
    this.#append(this.#text.slice(this.#at, stop));
    this.#at = stop + 1;
  }

  #double(): void {
    let text = '';
    while (this.#at < this.#text.length && this.#text[this.#at] !== '"') {
      const char = this.#text[this.#at++] ?? '';
      if (char === '$') text += this.#variable();
      else if (char === '\\') text += this.#text[this.#at++] ?? '';
      else text += char;
    }
    this.#at += 1;
    this.#append(text);
  }

  #variable(): string {
    const rest = this.#text.slice(this.#at);
    const match = /^(\{(\w+)\}|\?|\w+)/.exec(rest);
    if (!match) return '$';
    this.#at += match[0].length;
    return this.#lookup(match[2] ?? match[0]);
  }

  #append(text: string): void {
    this.#word = (this.#word ?? '') + text;
  }

  #endWord(): void {
    if (this.#word !== undefined) this.#words.push(this.#word);
    this.#word = undefined;
  }

  #endCommand(next: Joiner): void {
    this.#endWord();
    if (this.#words.length > 0) this.commands.push({ joiner: this.#joiner, words: this.#words });
    this.#words = [];
    this.#joiner = next;
  }
}

/** The commands of `script`, lazily; variables expand through `lookup` as each is scanned. */
export function tokenize(script: string, lookup: Lookup): Generator<ScriptCommand> {
  return new Scanner(script, lookup).scan();
}
