// Canned responses in the reply box (templates/automation/canned-picker.html): "/shortcode" followed by Tab
// or space is replaced by the response rendered for this ticket; the "Canned responses" menu inserts one at
// the caret. Rendering happens on the server (placeholders filled there), so this only swaps text.
(() => {
  const box = document.getElementById('body');
  const root = document.getElementById('canned-picker');
  if (!box || !root) return;
  const status = document.getElementById('canned-status');
  const ticket = encodeURIComponent(root.dataset.ticket);
  const SHORTCODE = /(^|\s)\/([A-Za-z0-9_-]{1,40})$/;

  const say = text => { if (status) status.textContent = text; };

  async function fetchBody(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const json = await response.json().catch(() => ({}));
    return response.ok ? json.body : Promise.reject(new Error(json.detail || 'Could not insert the canned response.'));
  }

  // Replaces box.value[start, end) by text if that range still holds what was there when asked.
  function replace(start, end, expected, text) {
    if (box.value.slice(start, end) !== expected) return false;
    box.value = box.value.slice(0, start) + text + box.value.slice(end);
    const caret = start + text.length;
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  }

  box.addEventListener('keydown', event => {
    if (event.key !== 'Tab' && event.key !== ' ') return;
    if (event.defaultPrevented || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
    if (box.selectionStart !== box.selectionEnd) return;
    const match = SHORTCODE.exec(box.value.slice(0, box.selectionStart));
    if (!match) return;
    const token = '/' + match[2];
    const end = box.selectionStart;
    const start = end - token.length;
    // Tab stays in the box; a space is typed as usual and kept after the inserted text.
    if (event.key === 'Tab') event.preventDefault();
    fetchBody(root.dataset.expand + '?shortcode=' + encodeURIComponent(match[2]) + '&ticket=' + ticket)
      .then(body => { if (replace(start, end, token, body)) say('Inserted ' + token + '.'); })
      .catch(error => say(error.message));
  });

  root.addEventListener('click', event => {
    const item = event.target.closest('[data-canned-id]');
    if (!item) return;
    const start = box.selectionStart;
    const end = box.selectionEnd;
    const selected = box.value.slice(start, end);
    fetchBody(root.dataset.render + encodeURIComponent(item.dataset.cannedId) + '/render?ticket=' + ticket)
      .then(body => {
        if (replace(start, end, selected, body)) say('Inserted \u201c' + item.querySelector('span').textContent + '\u201d.');
        box.focus();
      })
      .catch(error => say(error.message));
  });
})();
