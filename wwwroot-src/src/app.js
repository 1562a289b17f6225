// NeonPro's browser code: htmx and Bootstrap, plus the few behaviours every page shares.
// No inline scripts anywhere (the Content-Security-Policy forbids them), so page behaviour hangs off
// data- attributes and htmx events here.
import htmx from 'htmx.org';
import * as bootstrap from 'bootstrap/dist/js/bootstrap.bundle.js';
import './scheduling.js';
import './navigation.js';

window.htmx = htmx;
window.bootstrap = bootstrap;

// The indicator <style> htmx would inject is blocked by the CSP; app.css carries those rules.
htmx.config.includeIndicatorStyles = false;
// hx-on and js: expressions would need eval; the CSP forbids it, so say so to htmx too.
htmx.config.allowEval = false;
htmx.config.allowScriptTags = false;
// A form that fails validation answers 422 with its partial and messages: swap it in like a 200.
htmx.config.responseHandling = [
  { code: '204', swap: false },
  { code: '[23]..', swap: true },
  { code: '422', swap: true, error: false },
  { code: '409', swap: true, error: false },
  { code: '[45]..', swap: false, error: true },
];
htmx.config.historyCacheSize = 0; // always re-fetch on back/forward: the agenda changes under you

function antiforgeryToken() {
  const meta = document.querySelector('meta[name="request-verification-token"]');
  return meta ? meta.getAttribute('content') : null;
}

// Every htmx request carries the antiforgery token, so POSTs from buttons outside forms pass too.
document.addEventListener('htmx:configRequest', (evt) => {
  const token = antiforgeryToken();
  if (token) evt.detail.headers['RequestVerificationToken'] = token;
});

function showToast(message, kind) {
  const area = document.getElementById('toast-area');
  if (!area) return;
  const toast = document.createElement('div');
  toast.className = `toast align-items-center text-bg-${kind || 'danger'} border-0`;
  toast.setAttribute('role', kind === 'success' ? 'status' : 'alert');
  toast.setAttribute('aria-live', 'assertive');
  toast.setAttribute('aria-atomic', 'true');
  const wrap = document.createElement('div');
  wrap.className = 'd-flex';
  const body = document.createElement('div');
  body.className = 'toast-body';
  body.textContent = message; // textContent: never interpret a message as HTML
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn-close btn-close-white me-2 m-auto';
  close.setAttribute('data-bs-dismiss', 'toast');
  close.setAttribute('aria-label', area.dataset.closeLabel || 'Fechar');
  wrap.append(body, close);
  toast.append(wrap);
  area.append(toast);
  const t = new bootstrap.Toast(toast, { delay: 8000 });
  toast.addEventListener('hidden.bs.toast', () => toast.remove());
  t.show();
}
window.neonpro = { showToast };

// A failed htmx request must never look like nothing happened.
document.addEventListener('htmx:responseError', (evt) => {
  const area = document.getElementById('toast-area');
  const status = evt.detail.xhr ? evt.detail.xhr.status : 0;
  let message = area ? area.dataset.errorMessage : 'Não foi possível concluir a operação.';
  // 400 is what a request refused for its antiforgery token gets (the page outlived its sign-in).
  if (status === 400 && area) message = area.dataset.expiredMessage;
  if (status === 403 && area) message = area.dataset.forbiddenMessage;
  if (status === 429 && area) message = area.dataset.tooManyMessage;
  showToast(message, 'danger');
});
document.addEventListener('htmx:sendError', () => {
  const area = document.getElementById('toast-area');
  showToast(area ? area.dataset.networkMessage : 'Sem conexão com o servidor.', 'danger');
});

// The server can ask for a toast through HX-Trigger: {"toast": {"message": "...", "kind": "success"}}
document.body.addEventListener('toast', (evt) => {
  if (evt.detail && evt.detail.message) showToast(evt.detail.message, evt.detail.kind || 'success');
});

// Confirmations without inline script: <button data-confirm="Tem certeza?">
document.addEventListener('click', (evt) => {
  const el = evt.target.closest('[data-confirm]');
  if (el && !el.hasAttribute('hx-confirm') && !window.confirm(el.dataset.confirm)) {
    evt.preventDefault();
    evt.stopImmediatePropagation();
  }
}, true);

// Selects that submit their form on change (language picker), without inline onchange.
document.addEventListener('change', (evt) => {
  const el = evt.target.closest('[data-submit-on-change]');
  if (el && el.form) el.form.requestSubmit();
});

// Comboboxes with a live listbox (the patient search in the navigation):
// <input role="combobox" data-listbox-input="results-host-id" aria-controls="listbox-id">. Arrow keys move
// through the options htmx swapped into the host, Enter opens the chosen option's data-href (or the only one
// as soon as it arrives), Escape closes the list.
function listboxHost(input) {
  return document.getElementById(input.dataset.listboxInput);
}
function listboxOptions(host) {
  return host ? Array.from(host.querySelectorAll('[role="option"]')) : [];
}
function closeListbox(input) {
  const host = listboxHost(input);
  if (host) { host.replaceChildren(); host.classList.remove('show'); }
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}
function openOption(option) {
  // An option that loads something with htmx (the booking form's patient) is chosen as a click would choose it.
  if (option && !option.dataset.href && option.hasAttribute('hx-get')) { option.click(); return; }
  const href = option && (option.dataset.href || (option.querySelector('a') || {}).href);
  if (href) window.location.assign(href);
}
document.addEventListener('keydown', (evt) => {
  const input = evt.target.closest && evt.target.closest('[data-listbox-input]');
  if (!input) return;
  const host = listboxHost(input);
  const options = listboxOptions(host);
  if (evt.key === 'ArrowDown' || evt.key === 'ArrowUp') {
    if (options.length === 0) return;
    evt.preventDefault();
    let i = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if (evt.key === 'ArrowDown') i = i < options.length - 1 ? i + 1 : 0;
    else i = i > 0 ? i - 1 : options.length - 1;
    options.forEach((o, j) => {
      o.setAttribute('aria-selected', j === i ? 'true' : 'false');
      o.classList.toggle('active', j === i);
    });
    input.setAttribute('aria-activedescendant', options[i].id);
    options[i].scrollIntoView({ block: 'nearest' });
  } else if (evt.key === 'Enter') {
    evt.preventDefault();
    const chosen = options.find((o) => o.getAttribute('aria-selected') === 'true') || (options.length === 1 ? options[0] : null);
    if (chosen) openOption(chosen);
    else if (options.length === 0) input.dataset.openWhenOne = 'true'; // results are still on their way
  } else if (evt.key === 'Escape') {
    closeListbox(input);
  }
});
document.addEventListener('htmx:afterSwap', (evt) => {
  const host = evt.detail.target;
  if (!host || !host.id) return;
  const input = document.querySelector(`[data-listbox-input="${host.id}"]`);
  if (!input) return;
  const options = listboxOptions(host);
  const hasContent = host.childElementCount > 0;
  host.classList.toggle('show', hasContent);
  input.setAttribute('aria-expanded', options.length > 0 ? 'true' : 'false');
  input.removeAttribute('aria-activedescendant');
  if (input.dataset.openWhenOne === 'true') {
    delete input.dataset.openWhenOne;
    if (options.length === 1) openOption(options[0]);
  }
});
document.addEventListener('input', (evt) => {
  const input = evt.target.closest && evt.target.closest('[data-listbox-input]');
  if (input) delete input.dataset.openWhenOne;
  if (input && input.value.trim() === '') closeListbox(input);
});
document.addEventListener('click', (evt) => {
  const option = evt.target.closest('[data-listbox-input] ~ * [role="option"]');
  // htmx already answers a click on an option of its own (hx-get); one with an address is opened here.
  if (option && !option.hasAttribute('hx-get')) { evt.preventDefault(); openOption(option); return; }
  if (option) return;
  document.querySelectorAll('[data-listbox-input]').forEach((input) => {
    if (!input.parentElement.contains(evt.target)) closeListbox(input);
  });
});

// Tab strips whose panels htmx loads (<ul role="tablist" data-htmx-tabs>): the clicked tab becomes the selected one.
document.addEventListener('click', (evt) => {
  const tab = evt.target.closest('[data-htmx-tabs] [role="tab"]');
  if (!tab) return;
  tab.closest('[data-htmx-tabs]').querySelectorAll('[role="tab"]').forEach((t) => {
    const selected = t === tab;
    t.classList.toggle('active', selected);
    t.setAttribute('aria-selected', selected ? 'true' : 'false');
  });
  const panel = document.getElementById(tab.getAttribute('aria-controls'));
  if (panel) panel.setAttribute('aria-labelledby', tab.id);
});
