// Views: "select all on this page" and the selected count for the bulk bar (the condition builder has its
// own script, condition-builder.js). No inline scripts (the CSP allows only 'self').
document.addEventListener('DOMContentLoaded', () => {
  const all = document.getElementById('select-all');
  const boxes = () => Array.from(document.querySelectorAll('input.bulk-select'));
  const count = document.getElementById('selected-count');
  const update = () => {
    const checked = boxes().filter(b => b.checked).length;
    if (count) count.textContent = checked;
    if (all) {
      all.checked = checked > 0 && checked === boxes().length;
      all.indeterminate = checked > 0 && checked < boxes().length;
    }
  };
  if (all) {
    all.addEventListener('change', () => { boxes().forEach(b => { b.checked = all.checked; }); update(); });
  }
  boxes().forEach(b => b.addEventListener('change', update));
  update();
});
