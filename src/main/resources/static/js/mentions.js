// After "@" in the reply box, offer the colleagues who may see the ticket (templates/conversation/mentions.html):
// typing filters by handle or any word of the name, arrows move, Enter or Tab inserts, Esc closes.
(() => {
  const box = document.getElementById('body');
  const menu = document.getElementById('mention-menu');
  if (!box || !menu) return;
  const items = [...menu.querySelectorAll('[data-insert]')];
  const MAX = 8;
  let start = -1;
  let active = 0;

  const open = () => menu.classList.contains('show');
  const visible = () => items.filter(i => !i.parentElement.hidden);
  const close = () => menu.classList.remove('show');

  // The word being typed after "@" (at the start or after a space or bracket), or null.
  function typedQuery() {
    const before = box.value.slice(0, box.selectionStart);
    const match = /(^|[\s(])@([\p{L}\p{N}._+-]*)$/u.exec(before);
    if (!match) return null;
    start = before.length - match[2].length - 1;
    return match[2].toLowerCase();
  }

  function highlight(index) {
    const shown = visible();
    active = Math.max(0, Math.min(index, shown.length - 1));
    items.forEach(item => item.classList.toggle('active', item === shown[active]));
  }

  function update() {
    const query = typedQuery();
    if (query === null) { close(); return; }
    let count = 0;
    items.forEach(item => {
      const words = [item.dataset.handle, ...item.dataset.name.toLowerCase().split(/\s+/)];
      const fits = count < MAX && words.some(w => w.toLowerCase().startsWith(query));
      item.parentElement.hidden = !fits;
      if (fits) count++;
    });
    if (count === 0) { close(); return; }
    menu.classList.add('show');
    highlight(0);
  }

  function pick(item) {
    const head = box.value.slice(0, start);
    const tail = box.value.slice(box.selectionStart);
    const text = item.dataset.insert + ' ';
    box.value = head + text + tail;
    const caret = head.length + text.length;
    box.setSelectionRange(caret, caret);
    close();
    box.focus();
  }

  box.addEventListener('input', update);
  box.addEventListener('keydown', event => {
    if (!open()) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      pick(visible()[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
  menu.addEventListener('mousedown', event => {
    const item = event.target.closest('[data-insert]');
    if (item) { event.preventDefault(); pick(item); }
  });
  box.addEventListener('blur', () => setTimeout(close, 150));
})();
