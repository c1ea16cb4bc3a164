/**
 * Where JSON text first goes wrong. Engines report syntax errors in different
 * words, some without a position, so a small validating scanner finds the
 * place itself and the message gives it as line, column and position.
 */

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39;

/**
 * End of the number or literal starting at `i`, or -(position of the error) - 1,
 * the position being the first character that cannot continue the token, as
 * V8 reports it (the text's length when the token is cut off).
 */
function scanToken(s: string, i: number): number {
  for (const word of ["true", "false", "null"]) {
    if (s[i] !== word[0]) continue;
    let k = 0;
    while (k < word.length && s[i + k] === word[k]) k++;
    return k === word.length ? i + k : -(i + k) - 1;
  }
  let j = i;
  if (s[j] === "-") j++;
  if (!isDigit(s, j)) return -j - 1;
  if (s[j] === "0") j++;
  else while (isDigit(s, j)) j++;
  if (s[j] === ".") {
    j++;
    if (!isDigit(s, j)) return -j - 1;
    while (isDigit(s, j)) j++;
  }
  if (s[j] === "e" || s[j] === "E") {
    j++;
    if (s[j] === "+" || s[j] === "-") j++;
    if (!isDigit(s, j)) return -j - 1;
    while (isDigit(s, j)) j++;
  }
  return j;
}

/** End of the string starting at `i` (after its closing quote), or -(position of the error) - 1. */
function scanString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 0x5c) {
      const e = s[j + 1];
      if (e === undefined) return -s.length - 1;
      // Positions as V8 gives them: the offending character after the backslash.
      if (e === "u") {
        const hex = s.slice(j + 2, j + 6);
        const bad = hex.search(/[^0-9a-fA-F]/);
        if (bad !== -1) return -(j + 2 + bad) - 1;
        if (hex.length < 4) return -s.length - 1;
        j += 5;
      } else if ('"\\/bfnrt'.includes(e)) j++;
      else return -(j + 1) - 1;
    }
  }
  return -s.length - 1;
}

/**
 * Where JSON text first goes wrong, found by a small validating scanner:
 * engines report syntax errors in different words, some without a position.
 * `at === text.length` means the text ended early. Null if the scanner finds
 * nothing wrong. Iterative, so deep nesting cannot exhaust the stack.
 */
function jsonProblem(s: string): number | null {
  const n = s.length;
  const stack: string[] = [];
  // value | value-or-] | key-or-} | key | colon | after a value
  let state: "value" | "first" | "firstKey" | "key" | "colon" | "after" = "value";
  let i = 0;
  for (;;) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return state === "after" && stack.length === 0 ? null : n;
    const c = s[i]!;
    if (state === "value" || state === "first") {
      if (state === "first" && c === "]") {
        stack.pop();
        i++;
        state = "after";
      } else if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        state = c === "{" ? "firstKey" : "first";
      } else if (c === '"') {
        const end = scanString(s, i);
        if (end < 0) return -end - 1;
        i = end;
        state = "after";
      } else {
        const end = scanToken(s, i);
        if (end < 0) return -end - 1;
        i = end;
        state = "after";
      }
    } else if (state === "firstKey" || state === "key") {
      if (state === "firstKey" && c === "}") {
        stack.pop();
        i++;
        state = "after";
      } else if (c === '"') {
        const end = scanString(s, i);
        if (end < 0) return -end - 1;
        i = end;
        state = "colon";
      } else return i;
    } else if (state === "colon") {
      if (c !== ":") return i;
      i++;
      state = "value";
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (c === ",") {
        i++;
        state = top === "[" ? "value" : "key";
      } else if (c === (top === "[" ? "]" : "}")) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

export function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${position - start + 1}`;
}

export function jsonSyntaxError(text: string, error: unknown, offset: number): string {
  const at = jsonProblem(text);
  if (at === null) {
    // Valid to the scanner, refused by the engine: e.g. nesting deeper than its stack.
    const reason = error instanceof Error ? error.message : String(error);
    return `The JSON could not be read: ${reason.split("\n")[0]!.replace(/\.$/, "")}.`;
  }
  if (at >= text.length) {
    const end = text.trimEnd().length;
    return `The JSON is truncated at ${lineAndColumn(text, end)} (position ${end + offset}): the file ends before the data does.`;
  }
  return `The JSON is malformed at ${lineAndColumn(text, at)} (position ${at + offset}).`;
}
