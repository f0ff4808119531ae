// Live presence on a ticket page: who else is viewing or typing, and a banner when someone else changed
// the ticket. Server-sent events from the element's data-stream URL; typing pings to data-typing.
(function () {
  'use strict';
  var root = document.getElementById('live');
  if (!root || !window.EventSource) {
    return;
  }
  var me = root.dataset.me;
  var ticket = root.dataset.ticket;
  var draftKey = 'tessera-draft-' + ticket;
  var body = document.getElementById('body');
  var presence = document.getElementById('live-presence');
  var banner = document.getElementById('live-banner');
  var bannerText = document.getElementById('live-banner-text');
  var bannerIsMessage = false;

  function badge(cls, icon, text) {
    var span = document.createElement('span');
    span.className = 'badge ' + cls;
    var i = document.createElement('i');
    i.className = 'bi ' + icon + ' me-1';
    span.appendChild(i);
    span.appendChild(document.createTextNode(text));
    return span;
  }

  function showPresence(data) {
    var others = data.viewers.filter(function (v) { return String(v.agentId) !== me; });
    presence.replaceChildren();
    if (others.length === 0) {
      return;
    }
    presence.appendChild(document.createTextNode('Also here:'));
    others.forEach(function (v) {
      var el = v.typing
        ? badge('text-bg-info viewer viewer-typing', 'bi-pencil', v.name + ' is typing…')
        : badge('text-bg-light border viewer', 'bi-eye', v.name);
      el.dataset.agentId = v.agentId;
      presence.appendChild(el);
    });
  }

  function showChange(data) {
    if (data.actorType === 'AGENT' && String(data.actorId) === me) {
      return;
    }
    var isMessage = data.type === 'message_added';
    // A reply says more than the status change submitted with it: keep the message's text.
    if (bannerIsMessage && !isMessage) {
      return;
    }
    bannerIsMessage = bannerIsMessage || isMessage;
    bannerText.textContent = data.text;
    banner.classList.remove('d-none');
  }

  var source = new EventSource(root.dataset.stream);
  source.addEventListener('presence', function (e) { showPresence(JSON.parse(e.data)); });
  source.addEventListener('changed', function (e) { showChange(JSON.parse(e.data)); });
  window.addEventListener('pagehide', function () { source.close(); });

  function ping(typing) {
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    headers[root.dataset.csrfHeader] = root.dataset.csrf;
    fetch(root.dataset.typing, { method: 'POST', headers: headers, body: 'typing=' + typing, credentials: 'same-origin' })
      .catch(function () { /* a lost ping only delays the hint */ });
  }

  if (body) {
    var lastPing = 0;
    var idle;
    body.addEventListener('input', function () {
      var now = Date.now();
      if (now - lastPing > 2500) {
        lastPing = now;
        ping(true);
      }
      clearTimeout(idle);
      idle = setTimeout(function () { lastPing = 0; ping(false); }, 4000);
    });
    // Reloading keeps the draft: restore what was typed before the reload.
    var draft = sessionStorage.getItem(draftKey);
    if (draft !== null) {
      sessionStorage.removeItem(draftKey);
      if (!body.value) {
        body.value = draft;
      }
    }
  }

  document.getElementById('live-reload').addEventListener('click', function (e) {
    e.preventDefault();
    if (body && body.value) {
      sessionStorage.setItem(draftKey, body.value);
    }
    window.location.reload();
  });
})();
