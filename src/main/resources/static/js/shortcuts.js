// Keyboard shortcuts for agents; the list is the help overlay in templates/shortcuts.html ("?").
// Keys are ignored while typing in a field, except Ctrl/Cmd+Enter (submit) and Esc (leave the field).
(function () {
  'use strict';
  var help = document.getElementById('shortcuts-help');
  if (!help) {
    return;
  }
  var links = help.dataset;
  var pendingG = 0;
  var selected = -1;

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function go(url) {
    window.location.assign(url);
  }

  // Rows of the page's main list: tables of tickets, customers, organizations, or a list group.
  function rows() {
    return Array.prototype.filter.call(
      document.querySelectorAll('main table tbody tr, main .list-group > .list-group-item'),
      function (row) { return row.querySelector('a[href]'); });
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) {
      return;
    }
    if (selected >= 0 && all[selected]) {
      all[selected].classList.remove('shortcut-selected');
    }
    selected = Math.max(0, Math.min(all.length - 1, selected + step));
    all[selected].classList.add('shortcut-selected');
    all[selected].scrollIntoView({ block: 'nearest' });
  }

  function openSelected() {
    var row = rows()[selected];
    var link = row && row.querySelector('a[href]');
    if (link) {
      link.click();
      return true;
    }
    return false;
  }

  function compose(mode) {
    var radio = document.getElementById(mode === 'note' ? 'mode-note' : 'mode-reply');
    var body = document.getElementById('body');
    if (!radio || !body) {
      return false;
    }
    radio.checked = true;
    body.focus();
    return true;
  }

  document.addEventListener('keydown', function (e) {
    var target = e.target;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && typing(target) && target.form) {
      e.preventDefault();
      target.form.requestSubmit();
      return;
    }
    if (e.key === 'Escape' && help.classList.contains('show')) {
      // Also when the focus has not moved into the dialog yet (it is still fading in).
      window.bootstrap.Modal.getOrCreateInstance(help).hide();
      return;
    }
    if (e.key === 'Escape' && typing(target)) {
      target.blur();
      return;
    }
    if (typing(target) || e.ctrlKey || e.metaKey || e.altKey || help.classList.contains('show') && e.key !== '?') {
      return;
    }
    var now = Date.now();
    if (now - pendingG < 1500) {
      pendingG = 0;
      var dest = { w: links.workspace, t: links.workspace, c: links.customers, o: links.organizations, n: links.notifications }[e.key];
      if (dest) {
        e.preventDefault();
        go(dest);
      }
      return;
    }
    var handled = true;
    switch (e.key) {
      case '?': window.bootstrap.Modal.getOrCreateInstance(help).toggle(); break;
      case 'g': pendingG = now; break;
      case 'c': go(links.newTicket); break;
      case 'r': handled = compose('reply'); break;
      case 'n': handled = compose('note'); break;
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'o': handled = selected >= 0 && openSelected(); break;
      case 'Enter': handled = target === document.body && selected >= 0 && openSelected(); break;
      case '/':
        var search = document.querySelector('main input[type=search]');
        handled = !!search;
        if (search) {
          search.focus();
        }
        break;
      default: handled = false;
    }
    if (handled) {
      e.preventDefault();
    }
  });
})();
