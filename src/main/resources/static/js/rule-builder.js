// The rule builder's action rows: each type shows only the inputs it takes, with hints for what to type.
// No inline scripts: the CSP allows only 'self'.
document.addEventListener('DOMContentLoaded', () => {
  const inputs = {
    set_status: { target: 'new, open, pending, on-hold, solved or closed' },
    set_priority: { target: 'low, normal, high or urgent' },
    set_type: { target: 'question, incident, problem, task… or none' },
    set_team: { target: 'team id, or none' },
    assign: { target: 'agent id, or none' },
    add_tags: { target: 'tags, separated by commas' },
    remove_tags: { target: 'tags, separated by commas' },
    set_field: { target: 'custom field key, e.g. order_number', body: 'value (empty clears it)' },
    add_note: { body: 'The internal note (Markdown)' },
    send_email: { target: 'requester, assignee, team or an address', subject: 'Subject', body: 'The email (placeholders allowed)' },
    assign_by_strategy: { target: 'skills the ticket needs, e.g. lang:de (optional)' },
    apply_sla_policy: { target: 'SLA policy id' },
    notify: { target: 'assignee, team or an agent id', body: 'Why (shown in the bell, up to 300 characters)' },
    call_webhook: { target: 'https://… (the ticket is POSTed as JSON)', subject: 'secret to sign with (optional)' }
  };
  document.querySelectorAll('.action-row').forEach(row => {
    const type = row.querySelector('select.action-type');
    const fields = { target: row.querySelector('.action-target'), subject: row.querySelector('.action-subject'),
      body: row.querySelector('.action-body') };
    const follow = () => {
      const wanted = inputs[type.value] || (type.value ? { target: 'value' } : {});
      Object.entries(fields).forEach(([name, input]) => {
        const shown = Object.prototype.hasOwnProperty.call(wanted, name);
        input.hidden = !shown;
        if (shown) input.placeholder = wanted[name];
      });
    };
    type.addEventListener('change', follow);
    follow();
  });
});
