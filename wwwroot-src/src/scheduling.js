// The scheduling grid's behaviour: open the booking form from a free slot, open an appointment's panel,
// drag an appointment to another slot, and show the modal the form and panel load into. All through htmx
// requests to the page's named handlers; the server decides and the grid reloads on "appointment-changed".
import htmx from 'htmx.org';
import * as bootstrap from 'bootstrap/dist/js/bootstrap.bundle.js';
import './scheduling-keys.js';

function grid() { return document.getElementById('schedule-grid'); }

function openInModal(url) {
  htmx.ajax('GET', url, { target: '#modal-host', swap: 'innerHTML' });
}

function slotTarget(slot) {
  const col = slot.closest('.sched-col');
  return col ? { column: col.dataset.col, date: col.dataset.date, time: slot.dataset.time } : null;
}

document.addEventListener('click', (evt) => {
  const g = grid();
  if (!g || !g.contains(evt.target)) return;
  const appt = evt.target.closest('[data-id]');
  if (appt) {
    openInModal(`${g.dataset.panelUrl}&id=${encodeURIComponent(appt.dataset.id)}`);
    return;
  }
  const slot = evt.target.closest('.slot.free');
  if (slot) {
    const t = slotTarget(slot);
    if (!t) return;
    const field = g.dataset.by === 'room' ? 'Input.RoomId' : 'Input.ProfessionalId';
    openInModal(`${g.dataset.newUrl}&${field}=${encodeURIComponent(t.column)}&Input.Date=${t.date}&Input.Time=${t.time}`);
  }
});

// Enter and the arrow keys on the grid: scheduling-keys.js.

// Drag and drop: the drop asks the server to move; the grid only changes when the server agrees.
document.addEventListener('dragstart', (evt) => {
  const appt = evt.target.closest && evt.target.closest('#schedule-grid .appt');
  if (!appt) return;
  evt.dataTransfer.setData('text/plain', JSON.stringify({ id: appt.dataset.id, version: appt.dataset.version }));
  evt.dataTransfer.effectAllowed = 'move';
  appt.classList.add('dragging');
});
document.addEventListener('dragend', (evt) => {
  const appt = evt.target.closest && evt.target.closest('.appt');
  if (appt) appt.classList.remove('dragging');
});
document.addEventListener('dragover', (evt) => {
  const slot = evt.target.closest && evt.target.closest('#schedule-grid .slot.free');
  if (slot) { evt.preventDefault(); slot.classList.add('drop-target'); }
});
document.addEventListener('dragleave', (evt) => {
  const slot = evt.target.closest && evt.target.closest('#schedule-grid .slot');
  if (slot) slot.classList.remove('drop-target');
});
document.addEventListener('drop', (evt) => {
  const g = grid();
  const slot = evt.target.closest && evt.target.closest('#schedule-grid .slot.free');
  if (!g || !slot) return;
  evt.preventDefault();
  slot.classList.remove('drop-target');
  let data;
  try { data = JSON.parse(evt.dataTransfer.getData('text/plain')); } catch { return; }
  const t = slotTarget(slot);
  if (!t || !data.id) return;
  const values = { id: data.id, version: data.version, date: t.date, time: t.time, by: g.dataset.by };
  values[g.dataset.by === 'room' ? 'room' : 'professional'] = t.column;
  htmx.ajax('POST', g.dataset.moveUrl, { target: '#move-result', swap: 'innerHTML', values });
});

// A refused move stays where it was; say why.
document.body.addEventListener('move-refused', (evt) => {
  if (window.neonpro && evt.detail && evt.detail.message) window.neonpro.showToast(evt.detail.message, 'danger');
});

// The modal shows whatever the form or panel loaded, and closes when the server says it is done.
document.addEventListener('htmx:afterSwap', (evt) => {
  if (!evt.detail.target || evt.detail.target.id !== 'modal-host') return;
  const el = document.getElementById('appointment-modal');
  if (!el) return;
  const modal = bootstrap.Modal.getOrCreateInstance(el);
  if (evt.detail.target.querySelector('[data-close-modal]')) modal.hide();
  else modal.show();
});
