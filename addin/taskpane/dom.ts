/** Tiny DOM helpers: no framework, text always set with textContent (never HTML). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`taskpane.html has no #${id}`);
  return el as T;
}

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** An element with attributes and children; `class` sets className, booleans set properties. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
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

/** One Fluent message bar under the command bar; errors are announced at once. */
export function showMessage(kind: MessageKind, text: string): void {
  const box = byId('message-box');
  const bar = h('fluent-message-bar', { id: 'message', intent: kind, role: kind === 'error' ? 'alert' : 'status' }, h('span', {}, text));
  box.replaceChildren(bar);
}

export function hideMessage(): void {
  byId('message-box').replaceChildren();
}

export function messageText(): string {
  return document.getElementById('message')?.textContent ?? '';
}

export function setProgress(fraction: number, text: string): void {
  const box = byId('progress');
  const bar = byId('progressbar');
  box.hidden = false;
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  bar.setAttribute('value', String(pct));
  bar.setAttribute('aria-valuetext', text);
  byId('status').textContent = text;
}

/** Marks a Fluent button (or any control) disabled in a way both it and assistive tech see. */
export function setDisabled(id: string, disabled: boolean): void {
  const el = byId(id);
  if (disabled) el.setAttribute('disabled', '');
  else el.removeAttribute('disabled');
}
