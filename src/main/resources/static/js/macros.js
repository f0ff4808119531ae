// Macros (templates/automation/macro-form.html, macro-menu.html). No inline scripts: the CSP allows only 'self'.
// The builder: each action row shows only the input its type uses, "Add action" reveals a spare row, the
// cross clears a row (rows without a type are ignored on save). The ticket page: the preview dialog lives
// at the end of the page (a modal inside the ticket form's columns could be covered by its backdrop), its
// Apply still submits the ticket form through form="ticket-form"; it says when reply text would be lost.
(() => {
  const showEditors = row => {
    const type = row.querySelector('select.macro-type').value;
    row.querySelectorAll('.macro-editor').forEach(editor => {
      editor.hidden = !editor.dataset.for.split(' ').includes(type);
    });
  };

  document.querySelectorAll('.macro-action-row').forEach(row => {
    row.querySelector('select.macro-type').addEventListener('change', () => showEditors(row));
    row.querySelector('.remove-macro-action').addEventListener('click', () => {
      row.querySelector('select.macro-type').value = '';
      showEditors(row);
      row.hidden = true;
      updateAdd();
    });
    showEditors(row);
  });

  const add = document.getElementById('add-macro-action');
  const spare = () => Array.from(document.querySelectorAll('.macro-action-row[data-spare="true"]')).filter(r => r.hidden);
  const updateAdd = () => { if (add) add.hidden = spare().length === 0; };
  if (add) {
    add.addEventListener('click', () => {
      const next = spare()[0];
      if (!next) return;
      next.hidden = false;
      next.querySelector('select.macro-type').focus();
      updateAdd();
    });
    updateAdd();
  }

  const dialog = document.getElementById('macro-dialog');
  if (dialog) {
    document.body.appendChild(dialog);
    const content = document.getElementById('macro-preview');
    const loading = content.innerHTML;
    dialog.addEventListener('hidden.bs.modal', () => { content.innerHTML = loading; });
    document.body.addEventListener('htmx:afterSwap', () => {
      const box = document.getElementById('body');
      const warning = document.getElementById('macro-draft-warning');
      if (warning && box && box.value.trim() !== '') warning.classList.remove('d-none');
    });
  }
})();
