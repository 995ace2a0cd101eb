/**
 * A tiny structured logger: one JSON object per line. It must never carry personal data
 * (names, e-mail addresses, message text), so fields pass through {@link redact} and free
 * text (error messages, stacks) through {@link scrub}.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Field names whose values are personal data or user-typed text: always replaced. */
const PERSONAL_KEYS = new Set(
  [
    'name', 'username', 'displayname', 'givenname', 'surname', 'email', 'mail', 'upn',
    'userprincipalname', 'text', 'question', 'body', 'from', 'recipient', 'members',
    'password', 'authorization', 'token', 'secret', 'microsoftapppassword',
  ].map((k) => k.toLowerCase()),
);

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi;
/** PEM blocks (private keys, certificates), which botbuilder and MSAL may print. */
const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g;
/** A JSON Web Token (header.payload.signature, base64url): a bearer credential even without "Bearer". */
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
export const REDACTED = '[redacted]';

/** A known string this many words long or shorter is a name: its words are personal too. */
const NAME_WORDS = 4;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes personal data and secrets from free text: e-mail addresses, bearer tokens, JWTs, PEM
 * keys and each of the `known` strings (for example the sender's display name and the message
 * they typed). A short known string (a name) also has each of its words removed, as whole words
 * only, so that the rest of the text (an error message, a stack) stays readable: "Jane" goes,
 * "Janet" and "then" stay.
 */
export function scrub(text: string, known: readonly (string | undefined)[] = []): string {
  let out = text.replace(PEM, '[redacted key]').replace(JWT, REDACTED);
  const whole = known.map((k) => (typeof k === 'string' ? k.trim() : '')).filter((k) => k.length >= 3);
  const words = whole.filter((k) => k.split(/\s+/).length <= NAME_WORDS).flatMap((k) => k.split(/\s+/).filter((w) => w.length >= 3));
  // Longest first, so "Jane Smith" is replaced before "Jane".
  for (const s of [...new Set(whole)].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
  for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escape(w)}(?![\\p{L}\\p{N}_])`, 'gu'), REDACTED);
  }
  return out.replace(EMAIL, REDACTED).replace(BEARER, `Bearer ${REDACTED}`);
}

/** Deep copy of `fields` with personal keys replaced and e-mail addresses scrubbed from strings. */
export function redact(fields: LogFields, known: readonly (string | undefined)[] = []): LogFields {
  const seen = new WeakSet<object>();
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrub(value, known);
    if (value instanceof Error) return errorFields(value, known);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value) || depth > 6) return '[…]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
    const out: LogFields = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = PERSONAL_KEYS.has(k.toLowerCase()) && v !== undefined ? REDACTED : walk(v, depth + 1);
    }
    return out;
  };
  return walk(fields, 0) as LogFields;
}

/** The safe parts of an error: its name, scrubbed message and scrubbed stack. */
export function errorFields(err: unknown, known: readonly (string | undefined)[] = []): LogFields {
  if (err instanceof Error) {
    return {
      type: err.name,
      message: scrub(err.message, known),
      ...(err.stack ? { stack: scrub(err.stack, known) } : {}),
    };
  }
  return { type: typeof err, message: scrub(String(err), known) };
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  /** Where each JSON line goes. Default: stderr for warn/error, stdout otherwise. */
  write?: (line: string, level: LogLevel) => void;
  level?: LogLevel;
  /** Fields added to every line (e.g. component). */
  base?: LogFields;
  clock?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const clock = options.clock ?? (() => new Date());
  const write =
    options.write ??
    ((line: string, level: LogLevel) => {
      (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
  const emit = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (ORDER[level] < min) return;
    const line = { at: clock().toISOString(), level, msg: scrub(msg), ...redact({ ...options.base, ...fields }) };
    write(JSON.stringify(line), level);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (l) => lines.push(l) });
  return Object.assign(logger, { lines });
}

/**
 * Sends everything libraries print with console.* (botbuilder prints token errors and, on some
 * paths, PEM keys) through `log` as one scrubbed JSON line each, so that no line escapes the
 * structured log and no secret is printed. Returns a function that restores the console.
 */
export function routeConsole(log: Logger): () => void {
  const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const to = (level: LogLevel) => (...args: unknown[]) => {
    const output = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : safeJson(a))).join(' ');
    log[level]('library console output', { output: scrub(output) });
  };
  console.log = to('info');
  console.info = to('info');
  console.debug = to('debug');
  console.warn = to('warn');
  console.error = to('error');
  return () => Object.assign(console, original);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
