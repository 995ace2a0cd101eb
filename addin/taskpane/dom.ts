/** Tiny DOM helpers: no framework, text always set with textContent (never HTML). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`taskpane.html has no #${id}`);
  return el as T;
}

type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k in el && typeof v !== 'string') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export type MessageKind = 'error' | 'warning' | 'success' | 'info';

export function showMessage(kind: MessageKind, text: string): void {
  const bar = byId('message');
  bar.className = `message-bar ${kind}`;
  bar.textContent = text;
  bar.hidden = false;
}

export function hideMessage(): void {
  byId('message').hidden = true;
}

export function setProgress(fraction: number, text: string): void {
  const box = byId('progress');
  const bar = byId('progressbar');
  box.hidden = false;
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  bar.setAttribute('aria-valuenow', String(pct));
  bar.setAttribute('aria-valuetext', text);
  (bar.firstElementChild as HTMLElement | null)?.style.setProperty('width', `${pct}%`);
  byId('status').textContent = text;
}
