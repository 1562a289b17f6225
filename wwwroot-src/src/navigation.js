// The main navigation's groups (Clínica, Gestão, Administração) as disclosure buttons: the button says whether its
// list is open (aria-expanded), Enter or Space toggles it (a native button), ArrowDown/ArrowUp/Home/End move through its
// links, Escape closes it and gives focus back to the button, and leaving it (Tab, a click elsewhere) closes it.
// Only one group is open at a time. No ARIA menu roles: the lists hold ordinary links, which Tab also reaches.

function groups() {
  return Array.from(document.querySelectorAll('[data-nav-group]'));
}

function parts(group) {
  const button = group.querySelector('.nav-group-toggle');
  const list = document.getElementById(button.getAttribute('aria-controls'));
  return { button, list, links: Array.from(list.querySelectorAll('a')) };
}

function isOpen(group) {
  return parts(group).button.getAttribute('aria-expanded') === 'true';
}

function setOpen(group, open) {
  const { button, list } = parts(group);
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  list.hidden = !open;
}

function closeAll(except) {
  for (const g of groups()) if (g !== except && isOpen(g)) setOpen(g, false);
}

function focusLink(group, index) {
  const { links } = parts(group);
  if (links.length === 0) return;
  links[(index + links.length) % links.length].focus();
}

function onKeydown(evt) {
  const group = evt.target.closest('[data-nav-group]');
  if (!group) return;
  const { button, links } = parts(group);
  const at = links.indexOf(evt.target);
  switch (evt.key) {
    case 'Escape':
      if (!isOpen(group)) return;
      setOpen(group, false);
      button.focus();
      break;
    case 'ArrowDown':
      if (!isOpen(group)) { closeAll(group); setOpen(group, true); }
      focusLink(group, at < 0 ? 0 : at + 1);
      break;
    case 'ArrowUp':
      if (!isOpen(group)) { closeAll(group); setOpen(group, true); }
      focusLink(group, at < 0 ? links.length - 1 : at - 1);
      break;
    case 'Home':
      if (at < 0) return;
      focusLink(group, 0);
      break;
    case 'End':
      if (at < 0) return;
      focusLink(group, links.length - 1);
      break;
    default:
      return;
  }
  evt.preventDefault();
}

document.addEventListener('click', (evt) => {
  const toggle = evt.target.closest('.nav-group-toggle');
  if (toggle) {
    const group = toggle.closest('[data-nav-group]');
    const open = !isOpen(group);
    closeAll(group);
    setOpen(group, open);
    return;
  }
  // A click anywhere outside the open group closes it.
  if (!evt.target.closest('[data-nav-group]')) closeAll(null);
});

document.addEventListener('keydown', onKeydown);

// Tab (or Shift+Tab) out of an open group closes it, so a closed list never hides under the next control.
document.addEventListener('focusout', (evt) => {
  const group = evt.target.closest && evt.target.closest('[data-nav-group]');
  if (!group || !isOpen(group)) return;
  if (evt.relatedTarget && group.contains(evt.relatedTarget)) return;
  setOpen(group, false);
});
