// NeonPro's browser code: htmx and Bootstrap, plus the few behaviours every page shares.
// No inline scripts anywhere (the Content-Security-Policy forbids them), so page behaviour hangs off
// data- attributes and htmx events here.
import htmx from 'htmx.org';
import * as bootstrap from 'bootstrap/dist/js/bootstrap.bundle.js';
import './scheduling.js';

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
