// The condition builder: each value box suggests the values of the field chosen in its row (a datalist per
// field, see view/condition-builder.html). No inline scripts: the CSP allows only 'self'.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('select.condition-field').forEach(select => {
    const value = select.closest('.condition-row').querySelector('input.condition-value');
    const follow = () => value.setAttribute('list', 'values-' + (select.value || 'none'));
    select.addEventListener('change', follow);
    follow();
  });
});
