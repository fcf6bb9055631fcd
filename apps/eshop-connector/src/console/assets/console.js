// The operations console: plain browser JavaScript, no framework and no build step, so that what
// runs is what is reviewed here. Everything it shows comes from the connector's operator API with
// the key the operator typed in (sessionStorage of this tab, Authorization: Bearer, never a URL).
// The DOM is built with textContent only: data (error details, URLs) is never parsed as HTML.

const KEY_STORAGE = 'voucher-bridge.operator-key';
const OVERVIEW_EVERY_MS = 3000;
const LIST_EVERY_MS = 10000;

const $ = (id) => document.getElementById(id);

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const operatorKey = () => sessionStorage.getItem(KEY_STORAGE);

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${operatorKey()}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (response.status === 401) {
    logout('The key was refused (unknown, revoked or not an operator key).');
    throw new ApiError(401, parsed);
  }
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

/** A problem+json answer as one line, with the fields it names. */
function describe(error) {
  const fields = error.problem?.errors?.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ');
  return fields ? `${error.message} (${fields})` : error.message;
}

// ---- formatting -------------------------------------------------------------------------------

const number = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en'));
function age(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}
const time = (iso) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' }) : '–');
const money = (minor, currency) => (minor === null || minor === undefined ? '–' : `${(minor / 100).toFixed(2)} ${currency ?? ''}`.trim());

function setFigure(id, text, level) {
  const element = $(id);
  element.textContent = text;
  element.className = level ?? '';
}

function rows(tbody, items, render, empty) {
  tbody.replaceChildren(...(items.length ? items.map(render) : [h('tr', {}, h('td', { colspan: tbody.closest('table').tHead.rows[0].cells.length, class: 'muted' }, empty))]));
}

// ---- login ------------------------------------------------------------------------------------

function logout(message) {
  sessionStorage.removeItem(KEY_STORAGE);
  stopPolling();
  $('login').hidden = false;
  $('tabs').hidden = true;
  $('forget-key').hidden = true;
  for (const tab of document.querySelectorAll('.tab')) tab.hidden = true;
  $('login-error').textContent = message ?? '';
  $('refresh-state').textContent = 'not connected';
}

async function login(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
  try {
    await api('GET', '/v1/operations/overview');
  } catch (error) {
    // Refused keys stop here; any other failure (the database away…) is what the console is for.
    if (error.status === 401) return;
    if (error.status === 403) {
      logout('This is not an operator key.');
      return;
    }
  }
  $('login').hidden = true;
  $('tabs').hidden = false;
  $('forget-key').hidden = false;
  $('login-error').textContent = '';
  show(location.hash.slice(1) || 'overview');
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('login-key');
  const key = input.value.trim();
  input.value = '';
  if (key) void login(key);
});
$('forget-key').addEventListener('click', () => logout('Key forgotten.'));

// ---- tabs and polling -------------------------------------------------------------------------

let current = 'overview';
const timers = [];
function stopPolling() {
  while (timers.length) clearInterval(timers.pop());
}

function show(tab) {
  if (!['overview', 'dead-letters', 'audit', 'trace'].includes(tab)) tab = 'overview';
  current = tab;
  history.replaceState(null, '', `#${tab}`);
  for (const button of document.querySelectorAll('#tabs button')) button.classList.toggle('active', button.dataset.tab === tab);
  for (const section of document.querySelectorAll('.tab')) section.hidden = section.id !== `tab-${tab}`;
  stopPolling();
  // The overview always refreshes (the parked badge on the tabs comes from it); lists only while shown.
  void refreshOverview();
  timers.push(setInterval(refreshOverview, OVERVIEW_EVERY_MS));
  if (tab === 'dead-letters') {
    void refreshDeadLetters();
    timers.push(setInterval(refreshDeadLetters, LIST_EVERY_MS));
  }
  if (tab === 'audit') {
    void refreshAudit();
    timers.push(setInterval(refreshAudit, LIST_EVERY_MS));
  }
}
for (const button of document.querySelectorAll('#tabs button')) button.addEventListener('click', () => show(button.dataset.tab));

function stamp(ok, message) {
  const state = $('refresh-state');
  state.textContent = ok ? `live · updated ${new Date().toLocaleTimeString('en-GB')}` : `update failed: ${message}`;
  state.className = ok ? 'ok' : 'error';
}

// ---- overview ---------------------------------------------------------------------------------

async function refreshOverview() {
  let overview;
  try {
    overview = await api('GET', '/v1/operations/overview');
  } catch (error) {
    stamp(false, describe(error));
    return;
  }
  stamp(true);
  $('apps').replaceChildren(...overview.apps.map((app) => h('li', { class: `app ${app.status}`, 'data-app': app.name },
    h('span', { class: 'dot', 'aria-hidden': 'true' }), h('strong', {}, app.name), ' ', h('span', { class: 'state' }, app.status),
    app.message ? h('div', { class: 'muted small' }, app.message) : null)));

  const perMinute = overview.perMinute;
  setFigure('per-minute-accepted', number(perMinute?.accepted));
  setFigure('per-minute-registered', number(perMinute?.registered));
  setFigure('per-minute-refused', number(perMinute?.refused), perMinute?.refused ? 'warn' : '');
  setFigure('per-minute-parked', number(perMinute?.parked), perMinute?.parked ? 'bad' : '');

  setFigure('outbox-backlog', number(overview.outbox?.backlog), overview.outbox?.backlog > 1000 ? 'warn' : '');
  setFigure('outbox-oldest', age(overview.outbox?.oldestSeconds), overview.outbox?.oldestSeconds > 60 ? 'bad' : '');

  const parked = overview.parked;
  setFigure('parked-records', number(parked?.records), parked?.records ? 'bad' : '');
  setFigure('parked-deliveries', number(parked?.deliveries), parked?.deliveries ? 'bad' : '');
  setFigure('parked-oldest', age(parked?.oldestSeconds));
  const waiting = (parked?.records ?? 0) + (parked?.deliveries ?? 0);
  $('tab-parked-count').textContent = waiting ? String(waiting) : '';

  const consumer = overview.consumer;
  $('consumer-summary').textContent = `${consumer.groupId} on ${consumer.topic} · ${consumer.connected ? 'connected' : 'NOT connected'} · total ${number(consumer.totalLag)}`;
  rows($('lag-rows'), consumer.partitions, (p) => h('tr', {},
    h('td', {}, p.partition), h('td', {}, p.committed ?? '–'), h('td', {}, p.end ?? '–'), h('td', { class: p.lag > 1000 ? 'warn' : '' }, number(p.lag))),
  'no partition measured yet');
  $('lag-note').textContent = consumer.lagError ?? 'Partitions of this connector instance; other replicas report their own.';

  rows($('failing-rows'), overview.failingSubscriptions, (s) => h('tr', {},
    h('td', { class: 'wrap' }, s.url, s.status === 'disabled' ? h('span', { class: 'bad' }, ' (disabled)') : null),
    h('td', {}, s.retrying), h('td', {}, s.parked),
    h('td', { class: 'wrap' }, s.lastStatus ? `HTTP ${s.lastStatus}` : '', s.lastError ? ` ${s.lastError}` : ''), h('td', {}, time(s.lastAttemptAt))),
  'none — every endpoint answers');

  rows($('error-rows'), overview.lastErrors, (e) => h('tr', {},
    h('td', {}, time(e.at)), h('td', {}, e.id), h('td', {}, e.reason), h('td', { class: 'wrap' }, e.detail)),
  'nothing parked, nothing failing');
  $('overview-errors').replaceChildren(...overview.errors.map((message) => h('li', {}, `could not read ${message}`)));
}

// ---- dead letters -----------------------------------------------------------------------------

const selected = new Set();
let shown = [];
let dryRunOf = null;

function filterOf() {
  const form = new FormData($('dl-filter'));
  const query = new URLSearchParams({ limit: '100', status: String(form.get('status') || 'parked') });
  if (form.get('kind')) query.set('kind', String(form.get('kind')));
  if (String(form.get('reason') || '').trim()) query.set('reason', String(form.get('reason')).trim());
  return query;
}

async function refreshDeadLetters() {
  let page;
  try {
    page = await api('GET', `/v1/dead-letters?${filterOf()}`);
  } catch (error) {
    $('dl-result').replaceChildren(h('p', { class: 'error' }, describe(error)));
    return;
  }
  shown = page.items;
  for (const id of [...selected]) if (!shown.some((item) => item.id === id)) selected.delete(id);
  rows($('dl-rows'), shown, (item) => h('tr', { 'data-id': item.id },
    h('td', {}, h('input', {
      type: 'checkbox', 'aria-label': `select ${item.id}`, checked: selected.has(item.id), disabled: item.status !== 'parked',
      onchange: (event) => { event.target.checked ? selected.add(item.id) : selected.delete(item.id); updateActions(); },
    })),
    h('td', {}, item.id, h('div', { class: 'muted small' }, item.kind === 'record' && item.source ? `${item.source.topic}[${item.source.partition}]@${item.source.offset}` : item.kind)),
    h('td', {}, item.reason, h('div', { class: 'muted small' }, item.reasonClass)),
    h('td', { class: 'wrap' }, item.detail, item.resolution ? h('div', { class: 'muted small' }, `resolution: ${item.resolution}`) : null),
    h('td', {}, item.voucherCode ?? '–'),
    h('td', {}, time(item.parkedAt)), h('td', {}, item.attempts), h('td', {}, item.status)),
  'nothing matches');
  $('dl-more').textContent = page.nextCursor ? 'Showing the first 100; narrow the filter to see the others.' : '';
  updateActions();
}

function selection() {
  return [...selected].sort();
}

function updateActions() {
  const ids = selection();
  $('dl-selected').textContent = ids.length ? `${ids.length} selected` : 'nothing selected';
  $('dl-dry-run').disabled = ids.length === 0;
  // A real replay only after a dry run of exactly this selection.
  $('dl-replay').disabled = ids.length === 0 || dryRunOf !== ids.join(',');
  $('dl-discard').disabled = ids.length === 0 || !$('dl-discard-reason').value.trim();
}

function showOutcome(title, result) {
  $('dl-result').replaceChildren(
    h('h3', {}, title),
    h('p', {}, Object.entries(result.summary).map(([outcome, count]) => `${outcome}: ${count}`).join(' · ') || 'nothing handled'),
    h('ul', {}, result.items.map((item) => h('li', {}, `${item.id}: ${item.outcome}`,
      item.sequence !== undefined ? ` (sequence ${item.sequence}, balance ${money(item.balance, item.currency)})` : '',
      item.reason ? ` — ${item.reason}${item.detail ? `: ${item.detail}` : ''}` : ''))),
  );
}

async function act(title, run) {
  for (const id of ['dl-dry-run', 'dl-replay', 'dl-discard']) $(id).disabled = true;
  try {
    showOutcome(title, await run());
  } catch (error) {
    $('dl-result').replaceChildren(h('p', { class: 'error' }, describe(error)));
  }
}

$('dl-filter').addEventListener('submit', (event) => {
  event.preventDefault();
  selected.clear();
  void refreshDeadLetters();
});
$('dl-all').addEventListener('change', (event) => {
  for (const item of shown) if (item.status === 'parked') event.target.checked ? selected.add(item.id) : selected.delete(item.id);
  void refreshDeadLetters();
});
$('dl-discard-reason').addEventListener('input', updateActions);
$('dl-dry-run').addEventListener('click', () => act('Dry run: what a replay would do (nothing changed)', async () => {
  const ids = selection();
  const result = await api('POST', '/v1/dead-letters/replays', { ids, dryRun: true });
  dryRunOf = ids.join(',');
  updateActions();
  return result;
}));
$('dl-replay').addEventListener('click', () => {
  const ids = selection();
  if (!confirm(`Replay ${ids.length} dead letter(s) for real?`)) return;
  void act('Replayed', async () => {
    const result = await api('POST', '/v1/dead-letters/replays', { ids, dryRun: false });
    dryRunOf = null;
    selected.clear();
    await refreshDeadLetters();
    return result;
  });
});
$('dl-discard').addEventListener('click', () => {
  const ids = selection();
  const reason = $('dl-discard-reason').value.trim();
  if (!confirm(`Discard ${ids.length} dead letter(s)? They will not be replayed.`)) return;
  void act('Discarded', async () => {
    const result = await api('POST', '/v1/dead-letters/discards', { ids, reason });
    selected.clear();
    $('dl-discard-reason').value = '';
    await refreshDeadLetters();
    return result;
  });
});

// ---- audit ------------------------------------------------------------------------------------

async function refreshAudit() {
  let page;
  try {
    page = await api('GET', '/v1/operator-audit?limit=100');
  } catch (error) {
    stamp(false, describe(error));
    return;
  }
  rows($('audit-rows'), page.items, (entry) => h('tr', {},
    h('td', {}, time(entry.at)), h('td', {}, entry.apiKey.label ?? entry.apiKey.id),
    h('td', {}, entry.action, entry.dryRun ? h('span', { class: 'muted' }, ' (dry run)') : null),
    h('td', { class: 'wrap mono' }, JSON.stringify(entry.target)),
    h('td', { class: 'wrap mono' }, JSON.stringify(entry.outcome.summary ?? entry.outcome))),
  'no operator action yet');
}

// ---- trace ------------------------------------------------------------------------------------

function step(label, done, ...content) {
  return h('li', { class: done ? 'done' : 'open' }, h('strong', {}, label), ' ', ...content);
}

function renderTrace(trace) {
  const voucher = trace.voucher;
  return [
    h('h3', {}, `Voucher ${trace.voucherCode}`,
      voucher ? h('span', { class: 'muted' }, ` · ${voucher.status} · balance ${money(voucher.balance, voucher.currency)}`) : h('span', { class: 'warn' }, ' · not registered (yet)')),
    ...trace.events.map((event) => h('div', { class: 'trace-event', 'data-event': event.eventId },
      h('h4', {}, event.type, h('span', { class: 'muted small' }, ` ${event.eventId}`)),
      h('ol', { class: 'steps' },
        step('accepted', !!event.accepted, event.accepted
          ? `at ${event.accepted.store} / ${event.accepted.cashbox}, receipt ${event.accepted.receiptNumber}, ${time(event.accepted.at)}`
          : 'not through a gateway of this bridge'),
        step('Kafka', !!event.published, event.published
          ? `${event.published.topic} partition ${event.published.partition} offset ${event.published.offset}, ${time(event.published.at)}`
          : event.inOutbox ? 'waiting in the outbox' : '–'),
        step('registered', event.registered?.outcome === 'applied', event.registered
          ? (event.registered.outcome === 'applied'
            ? `sequence ${event.registered.sequence}, balance ${money(event.registered.balanceAfter, event.registered.currency)}, ${time(event.registered.at)}`
            : `refused: ${event.registered.rule}, ${time(event.registered.at)}`)
          : 'not yet'),
        event.deadLetter ? step('parked', false, `${event.deadLetter.id} ${event.deadLetter.reason} (${event.deadLetter.status})`) : null,
        step('delivered', event.deliveries.length > 0 && event.deliveries.every((d) => d.status === 'delivered'),
          event.deliveries.length === 0 ? 'no subscription' : h('ul', {}, event.deliveries.map((d) => h('li', {},
            `${d.url}: ${d.status} after ${d.attempts} attempt(s)`,
            d.lastStatus ? ` · HTTP ${d.lastStatus}` : '', d.lastError ? ` · ${d.lastError}` : '',
            d.deliveredAt ? ` · ${time(d.deliveredAt)}` : ''))))))),
  ];
}

$('trace-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('trace-code');
  $('trace-error').textContent = '';
  try {
    const trace = await api('POST', '/v1/operations/voucher-traces', { voucherCode: input.value.trim() });
    $('trace-result').replaceChildren(...renderTrace(trace));
  } catch (error) {
    $('trace-result').replaceChildren();
    $('trace-error').textContent = describe(error);
  }
});

// ---- start ------------------------------------------------------------------------------------

if (operatorKey()) void login(operatorKey());
else logout();
