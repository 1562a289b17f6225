// The agenda by keyboard: the grid is one Tab stop (the ARIA grid pattern with a roving tabindex), the arrow keys
// move between its cells, Enter books a free time or opens an appointment, and focus is never dropped: it stays on
// the control that was used when htmx swaps the grid, goes to the message when the booking form is refused, moves
// on to Tratamento once a patient is chosen, and returns to the cell that opened the modal when it closes.
//
// Cells carry their place on screen, drawn by the server: data-gy is the position down a column (minutes from the
// opening time in the day view, row and order in the week view), data-gy-end where a block ends, and the closest
// [data-gx] is the column (professional or room in the day view, the day in the week view).

const GRID = '[data-grid-keys]';
const CELL = '[data-gy]';

function cells(grid) { return Array.from(grid.querySelectorAll(CELL)); }
function xOf(el) { const c = el.closest('[data-gx]'); return c ? Number(c.dataset.gx) : 0; }
function yOf(el) { return Number(el.dataset.gy); }
function yEndOf(el) { return el.dataset.gyEnd ? Number(el.dataset.gyEnd) : yOf(el) + 1; }

/** How far a cell is from a position down its column: 0 when it covers it (a block spanning that time). */
function distance(el, y) {
  if (y >= yOf(el) && y < yEndOf(el)) return 0;
  return Math.min(Math.abs(yOf(el) - y), Math.abs(yEndOf(el) - 1 - y));
}

function best(list, score) {
  let pick = null;
  let min = Infinity;
  for (const el of list) {
    const s = score(el);
    if (s < min) { min = s; pick = el; }
  }
  return pick;
}

function setTabStop(grid, el) {
  grid.querySelectorAll(`${CELL}[tabindex="0"]`).forEach((e) => { if (e !== el) e.setAttribute('tabindex', '-1'); });
  el.setAttribute('tabindex', '0');
}

function focusCell(el) {
  const grid = el.closest(GRID);
  if (grid) setTabStop(grid, el);
  el.focus();
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** The cell an arrow (or Home, End, PageUp, PageDown) leads to from a cell, or null at an edge. */
function next(grid, from, evt) {
  const all = cells(grid);
  const x = xOf(from);
  const y = yOf(from);
  const column = (cx) => all.filter((e) => xOf(e) === cx);
  switch (evt.key) {
    case 'ArrowDown': return best(column(x).filter((e) => yOf(e) > y), yOf);
    case 'ArrowUp': return best(column(x).filter((e) => yOf(e) < y), (e) => -yOf(e));
    case 'PageDown': return best(column(x).filter((e) => yOf(e) > y), (e) => Math.abs(yOf(e) - (y + 60)));
    case 'PageUp': return best(column(x).filter((e) => yOf(e) < y), (e) => Math.abs(yOf(e) - (y - 60)));
    case 'Home': return evt.ctrlKey ? all[0] : best(column(x), yOf);
    case 'End': return evt.ctrlKey ? all[all.length - 1] : best(column(x), (e) => -yOf(e));
    case 'ArrowLeft':
    case 'ArrowRight': {
      // The nearest cell at the same time in the next column that has any (an unavailable column has none).
      const step = evt.key === 'ArrowRight' ? 1 : -1;
      const xs = [...new Set(all.map(xOf))].sort((a, b) => a - b);
      for (let i = xs.indexOf(x) + step; i >= 0 && i < xs.length; i += step) {
        const pick = best(column(xs[i]), (e) => distance(e, y));
        if (pick) return pick;
      }
      return null;
    }
    default: return undefined;
  }
}

document.addEventListener('keydown', (evt) => {
  const cell = evt.target.closest && evt.target.closest(CELL);
  const grid = cell && cell.closest(GRID);
  if (!grid || evt.altKey || evt.metaKey) return;
  const to = next(grid, cell, evt);
  if (to !== undefined) {
    evt.preventDefault();
    if (to) focusCell(to);
    return;
  }
  // Links and buttons act on Enter by themselves; the grid's own cells (free times, blocks) are told to.
  if ((evt.key === 'Enter' || evt.key === ' ') && cell.getAttribute('role') === 'gridcell') {
    evt.preventDefault();
    cell.click();
  }
});

// Whichever cell gets focus (by arrow, click or script) becomes the grid's one Tab stop.
document.addEventListener('focusin', (evt) => {
  const cell = evt.target.closest && evt.target.closest(CELL);
  const grid = cell && cell.closest(GRID);
  if (grid) setTabStop(grid, cell);
});

/** Gives a freshly drawn grid its Tab stop: today's first free time from now on, else its first cell. */
function initGrid() {
  const grid = document.querySelector(`#schedule-grid ${GRID}`);
  if (!grid || grid.querySelector(`${CELL}[tabindex="0"]`)) return;
  const all = cells(grid);
  if (all.length === 0) return;
  const now = grid.dataset.nowGy ? Number(grid.dataset.nowGy) : null;
  const first = (now === null ? null : best(all.filter((e) => e.matches('.slot.free') && yOf(e) >= now), (e) => xOf(e) * 100000 + yOf(e))) || all[0];
  first.setAttribute('tabindex', '0');
}

// ---- keeping focus where it was when htmx redraws the grid ----

/** What to find again after a redraw: an element's id, an appointment, or a place (column and time). */
function keyOf(el) {
  if (!el) return null;
  if (el.id) return { id: el.id };
  if (!el.matches(CELL)) return null;
  const col = el.closest('[data-col]');
  return { appointment: el.dataset.id || null, col: col ? col.dataset.col : null, time: el.dataset.time || null, x: xOf(el), y: yOf(el) };
}

function find(key) {
  if (!key) return null;
  if (key.id) return document.getElementById(key.id);
  const grid = document.querySelector(`#schedule-grid ${GRID}`);
  if (!grid) return null;
  if (key.appointment) {
    const appt = grid.querySelector(`${CELL}[data-id="${CSS.escape(key.appointment)}"]`);
    if (appt) return appt;
  }
  if (key.col && key.time) {
    const slot = grid.querySelector(`[data-col="${CSS.escape(key.col)}"] .slot.free[data-time="${CSS.escape(key.time)}"]`);
    if (slot) return slot;
  }
  // Gone (booked, moved, another day): the cell now at that place, such as the block that took the free time.
  const column = cells(grid).filter((e) => xOf(e) === key.x);
  return best(column, (e) => distance(e, key.y)) || cells(grid)[0] || null;
}

let restoreAfterSwap = null;
document.addEventListener('htmx:beforeSwap', (evt) => {
  const target = evt.detail.target;
  if (!target || target.id !== 'schedule-grid') return;
  // Only when focus is in the grid: a reload behind the open modal must not pull focus out of the modal.
  const active = document.activeElement;
  restoreAfterSwap = active && target.contains(active) ? keyOf(active) || keyOf(active.closest(CELL)) : null;
});
document.addEventListener('htmx:afterSettle', () => {
  initGrid();
  if (!restoreAfterSwap) return;
  const el = find(restoreAfterSwap);
  restoreAfterSwap = null;
  if (!el) return;
  if (el.matches(CELL)) focusCell(el); else el.focus();
});
document.addEventListener('DOMContentLoaded', initGrid);
if (document.readyState !== 'loading') initGrid();

// ---- the modal: back to the cell that opened it, and focus inside it after each swap ----

let opener = null;
document.addEventListener('click', (evt) => {
  const grid = document.getElementById('schedule-grid');
  const cell = grid && grid.contains(evt.target) && evt.target.closest('.slot.free, [data-id]');
  if (cell) opener = keyOf(cell);
}, true);

let focusAfterSwap = null;
document.addEventListener('htmx:beforeRequest', (evt) => {
  if (!evt.detail.target || evt.detail.target.id !== 'modal-host') return;
  const elt = evt.detail.elt;
  const asked = elt && elt.closest && elt.closest('[data-focus-after]');
  const active = document.activeElement;
  focusAfterSwap = asked ? asked.dataset.focusAfter : (active && active.id) || null;
});

/** Where focus belongs after the modal's content was swapped: a refusal first, then what the control asked for. */
function modalFocusTarget(host) {
  const refusal = host.querySelector('#booking-errors, #panel-error');
  if (refusal) return refusal;
  const fieldError = Array.from(host.querySelectorAll('.field-validation-error')).find((e) => e.textContent.trim() !== '');
  const field = fieldError && fieldError.parentElement.querySelector('input:not([type=hidden]), select, textarea');
  if (field) return field;
  const warnings = host.querySelector('#booking-warnings');
  if (warnings) return warnings;
  const asked = focusAfterSwap && document.getElementById(focusAfterSwap);
  if (asked && host.contains(asked)) return asked;
  return host.querySelector('[data-autofocus]') || host.querySelector('.modal-body input:not([type=hidden]), .modal-body select, .modal-body button');
}

let pendingModalFocus = null;
document.addEventListener('htmx:afterSwap', (evt) => {
  const host = evt.detail.target;
  if (!host || host.id !== 'modal-host' || host.querySelector('[data-close-modal]')) return;
  const target = modalFocusTarget(host);
  focusAfterSwap = null;
  const modal = document.getElementById('appointment-modal');
  // Bootstrap focuses the dialog itself once it is shown: wait for that on a first opening. Either way the latest
  // swap decides (a quick second swap must not be undone by the first one's late "shown").
  pendingModalFocus = target;
  if (modal && modal.classList.contains('show') && target) target.focus();
});
document.addEventListener('shown.bs.modal', (evt) => {
  if (evt.target.id !== 'appointment-modal') return;
  if (pendingModalFocus && pendingModalFocus.isConnected) pendingModalFocus.focus();
  pendingModalFocus = null;
});
document.addEventListener('hidden.bs.modal', (evt) => {
  if (evt.target.id !== 'appointment-modal') return;
  const el = find(opener);
  if (el) focusCell(el);
});

// Enter on one of the booking form's lists sends the form, as it would from a text field (a disabled button: not).
document.addEventListener('keydown', (evt) => {
  if (evt.key !== 'Enter' || evt.defaultPrevented) return;
  const select = evt.target.closest && evt.target.closest('#booking-form select');
  if (!select) return;
  const submit = select.form.querySelector('button[type=submit]');
  evt.preventDefault();
  if (submit && !submit.disabled) select.form.requestSubmit(submit);
});
