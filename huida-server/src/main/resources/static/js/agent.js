/*
 * Huida (慧答) — agent workspace.
 *
 * Lists (GET /api/v1/agent/conversations) stay current through the live feed /ws/agent (status changes and the
 * messages of the agent's conversations); actions go through the REST API. Everything from customers, the bot or
 * colleagues is inserted as text (HuidaDom.el), never as HTML.
 */
'use strict';

(() => {
  const { basePath, readTexts, el, ApiError, readProblem, csrfHeaders } = window.HuidaDom;
  const BASE = basePath();
  const t = window.HuidaDom.translator(readTexts());
  const $ = (id) => document.getElementById(id);

  let current = null;            // id of the open conversation
  let shownSeqs = new Set();     // messages of it already on screen
  let canned = [];
  let listTimer = null;
  let complianceTimer = null;
  let retries = 0;
  let feed = null;               // the live feed socket
  let lastTypingSent = 0;
  let typingTimer = null;

  async function api(path, { method = 'GET', body } = {}) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin' };
    if (method !== 'GET') {
      Object.assign(headers, csrfHeaders());
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(BASE + path, init);
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response), response.statusText);
    }
    const type = response.headers.get('content-type') || '';
    return type.includes('json') ? response.json() : null;
  }

  function fail(err) {
    const detail = (err && err.problem && err.problem.detail) || (err && err.message) || '';
    $('actionMsg').replaceChildren(el('div', { class: 'alert alert-error', role: 'alert' }, t('error', { d: detail })));
  }

  /* ------------------------------------------------------------ lists */

  function minutesSince(iso) {
    return iso ? Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60000)) : 0;
  }

  function item(c) {
    const who = c.customerName || c.customerId || c.id.slice(0, 8);
    const li = el('li', { class: 'ws-item' + (c.id === current ? ' active' : '') },
      el('button', { type: 'button', onclick: () => open(c.id) },
        el('span', { class: 'ws-item-who' }, who),
        c.vip ? el('span', { class: 'badge badge-warn' }, t('vip')) : null,
        c.skill ? el('span', { class: 'badge' }, c.skill) : null,
        unaccepted.has(c.id) ? el('span', { class: 'badge badge-brand' }, t('new')) : null,
        unread.get(c.id) ? el('span', { class: 'badge badge-danger', title: t('unread') }, String(unread.get(c.id))) : null,
        el('span', { class: 'ws-item-meta' }, c.status === 'QUEUED' ? t('waiting', { m: minutesSince(c.queuedAt) }) : (c.handoffReason || ''))));
    return li;
  }

  let unaccepted = new Set();   // assigned to me by routing, not accepted yet (they time out back to the queue)
  let deskLoaded = false;
  const unread = new Map();      // conversation I own → customer messages not seen yet
  let mineIds = new Set();       // the conversations I own, as last listed

  /* Tells the agent something happened while they look elsewhere: a desktop notification (when allowed), a short
     tone and the count in the tab title. */
  function notify(text) {
    const waiting = [...unread.values()].reduce((a, b) => a + b, 0) + unaccepted.size;
    document.title = (waiting > 0 ? '(' + waiting + ') ' : '') + baseTitle;
    if (!text || (!document.hidden && document.hasFocus())) {
      return;
    }
    if (window.Notification && Notification.permission === 'granted') {
      new Notification(t('notify.title'), { body: text, tag: 'huida-agent' });
    }
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.08, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.35);
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.35);
    } catch (e) {
      // no sound where audio is not allowed
    }
  }
  const baseTitle = document.title;

  async function loadDesk() {
    try {
      const desk = await api('/api/v1/agent/me');
      const before = unaccepted;
      unaccepted = new Set(desk.conversations.filter((c) => !c.accepted).map((c) => c.id));
      if (deskLoaded && [...unaccepted].some((id) => !before.has(id))) {
        notify(t('notify.assigned'));
      }
      deskLoaded = true;
      if (desk.agent && desk.agent.status) {
        $('agentStatus').value = desk.agent.status;
      }
    } catch (err) {
      unaccepted = new Set(); // not a routed agent (e.g. an admin without a profile)
    }
  }

  async function loadLists() {
    try {
      await loadDesk();
      const lists = await api('/api/v1/agent/conversations');
      mineIds = new Set(lists.mine.map((c) => c.id));
      $('mineList').replaceChildren(...lists.mine.map(item));
      $('queueList').replaceChildren(...lists.queue.map(item));
      $('mineCount').textContent = String(lists.mine.length);
      $('queueCount').textContent = String(lists.queue.length);
      try { // supervisors and admins: every live conversation (agents get 403 and the section stays hidden)
        const live = await api('/api/v1/supervisor/conversations');
        $('liveList').replaceChildren(...live.map((c) => {
          const li = item(c);
          li.querySelector('.ws-item-meta').textContent = c.status + (c.agent ? ' · ' + c.agent : '');
          return li;
        }));
        $('liveCount').textContent = String(live.length);
        $('liveSection').hidden = false;
      } catch (err) {
        $('liveSection').hidden = true;
      }
    } catch (err) {
      fail(err);
    }
  }

  function refreshListsSoon() {
    clearTimeout(listTimer);
    listTimer = setTimeout(loadLists, 150);
  }

  /* ------------------------------------------------------------ conversation */

  function signal(frame) {
    if (feed && feed.readyState === 1 && current) {
      feed.send(JSON.stringify(Object.assign({ conversationId: current }, frame)));
    }
  }

  function messageNode(m) {
    return el('div', { class: 'ws-msg ws-' + m.sender, 'data-seq': String(m.seq) },
      el('div', { class: 'ws-msg-meta' }, t('sender.' + m.sender) + (m.author ? ' · ' + m.author : '') + ' · '
        + new Date(m.at).toLocaleTimeString()),
      el('div', { class: 'ws-msg-text' }, m.text, m.attachmentId ? attachment(m) : null));
  }

  function attachment(m) {
    const href = BASE + '/api/v1/agent/attachments/' + encodeURIComponent(m.attachmentId);
    return m.text.startsWith('[图片]') ? el('img', { class: 'ws-attach', src: href, alt: m.text })
      : el('div', {}, el('a', { href, target: '_blank', rel: 'noopener' }, '⬇'));
  }

  function append(m) {
    if (shownSeqs.has(m.seq)) {
      return;
    }
    shownSeqs.add(m.seq);
    $('log').append(messageNode(m));
    $('log').scrollTop = $('log').scrollHeight;
    if (m.sender === 'customer') {
      suggest();
      signal({ type: 'read', seq: m.seq });
      $('typingNote').hidden = true;
    }
  }

  function dl(target, rows) {
    target.replaceChildren(...rows.filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== '')
      .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]));
    if (!target.childElementCount) {
      target.append(el('dd', {}, t('none')));
    }
  }

  async function open(id) {
    unread.delete(id);
    try {
      if (unaccepted.has(id)) { // opening a conversation routed to me accepts it
        try {
          await api('/api/v1/agent/conversations/' + encodeURIComponent(id) + '/accept', { method: 'POST' });
          unaccepted.delete(id);
        } catch (err) {
          // already accepted or taken back: the view below shows where it stands
        }
      }
      notify(''); // the tab title counts what is still unseen
      const view = await api('/api/v1/agent/conversations/' + encodeURIComponent(id));
      current = id;
      shownSeqs = new Set();
      const c = view.conversation;
      $('emptyState').hidden = true;
      $('conv').hidden = false;
      $('convTitle').textContent = c.customerName || c.customerId || c.id;
      $('convStatus').textContent = c.status;
      $('takeBtn').hidden = !(c.status === 'QUEUED' || c.status === 'PENDING');
      $('summaryText').textContent = c.summary || t('none');
      $('log').replaceChildren();
      view.messages.forEach(append);
      dl($('customerInfo'), [[t('field.name'), c.customerName], [t('field.id'), c.customerId],
        [t('field.segment'), c.segment], [t('field.channel'), c.channel], [t('field.skill'), c.skill],
        [t('field.reason'), c.handoffReason], [t('field.rating'), view.rating ? '★'.repeat(view.rating.score) : null]]);
      dl($('facts'), Object.entries(view.facts || {}));
      $('pastList').replaceChildren(...(view.past || []).map((p) => el('li', { class: 'ws-item' },
        el('button', { type: 'button', onclick: () => open(p.id) },
          el('span', { class: 'ws-item-who' }, new Date(p.createdAt).toLocaleDateString()),
          el('span', { class: 'badge' }, p.status),
          el('span', { class: 'ws-item-meta' }, (p.summary || '').split('\n').slice(0, 3).join(' · '))))));
      if (!(view.past || []).length) {
        $('pastList').replaceChildren(el('li', {}, t('none')));
      }
      document.querySelectorAll('.ws-item').forEach((n) => n.classList.remove('active'));
      suggest();
      loadLists();
    } catch (err) {
      fail(err);
    }
  }

  async function suggest() {
    if (!current) {
      return;
    }
    try {
      const list = await api('/api/v1/agent/assist?conversationId=' + encodeURIComponent(current));
      $('suggestions').replaceChildren(...list.map((s) => el('li', {},
        el('div', { class: 'ws-suggest-q' }, s.question + ' · ' + Math.round(s.score * 100) + '%'),
        el('div', { class: 'ws-suggest-a' }, s.answer),
        el('button', { type: 'button', class: 'btn btn-sm', onclick: () => insert(s.answer) }, t('insert')))));
      if (!list.length) {
        $('suggestions').replaceChildren(el('li', {}, t('none')));
      }
    } catch (err) {
      // suggestions are a help, not a must
    }
  }

  function insert(text) {
    const draft = $('draft');
    draft.value = draft.value ? draft.value + '\n' + text : text;
    draft.focus();
    checkSoon();
  }

  /* ------------------------------------------------------------ composer */

  function checkSoon() {
    clearTimeout(complianceTimer);
    complianceTimer = setTimeout(check, 400);
  }

  async function check() {
    const text = $('draft').value.trim();
    const warn = $('complianceWarn');
    if (!text) {
      warn.hidden = true;
      return;
    }
    try {
      const result = await api('/api/v1/agent/compliance', { method: 'POST', body: { text } });
      if (result.action === 'ALLOW') {
        warn.hidden = true;
      } else {
        warn.textContent = t('compliance', { r: result.violations.map((v) => v.matched + '（' + v.reason + '）').join('；') });
        warn.hidden = false;
      }
    } catch (err) {
      warn.hidden = true;
    }
  }

  function showCanned() {
    const draft = $('draft');
    const menu = $('cannedMenu');
    const value = draft.value;
    if (!value.startsWith('/')) {
      menu.hidden = true;
      return;
    }
    const matches = canned.filter((c) => c.shortcut.startsWith(value.split(/\s/)[0]));
    menu.replaceChildren(...matches.map((c) => el('button', { type: 'button', class: 'ws-canned-item', role: 'option',
      onclick: () => { draft.value = c.text; menu.hidden = true; checkSoon(); draft.focus(); } },
      el('strong', {}, c.shortcut), ' ', c.title)));
    menu.hidden = matches.length === 0;
  }

  async function send(event) {
    event.preventDefault();
    const text = $('draft').value.trim();
    if (!text || !current) {
      return;
    }
    const clientId = 'a' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    try {
      const entry = await api('/api/v1/agent/conversations/' + encodeURIComponent(current) + '/messages',
        { method: 'POST', body: { text, clientId } });
      append(entry);
      $('draft').value = '';
      $('complianceWarn').hidden = true;
    } catch (err) {
      fail(err);
    }
  }

  async function sendFile() {
    const input = $('fileInput');
    const file = input.files && input.files[0];
    input.value = '';
    if (!file || !current) {
      return;
    }
    const form = new FormData();
    form.append('file', file);
    try {
      const response = await fetch(BASE + '/api/v1/agent/conversations/' + encodeURIComponent(current) + '/attachments',
        { method: 'POST', body: form, credentials: 'same-origin', headers: Object.assign({ Accept: 'application/json' }, csrfHeaders()) });
      if (!response.ok) {
        throw new ApiError(response.status, await readProblem(response), response.statusText);
      }
      append(await response.json());
    } catch (err) {
      fail(err);
    }
  }

  /* ------------------------------------------------------------ actions */

  async function action(path, body, form) {
    if (!current) {
      return;
    }
    try {
      await api('/api/v1/agent/conversations/' + encodeURIComponent(current) + path, { method: 'POST', body });
      $('actionMsg').replaceChildren(el('div', { class: 'alert alert-success', role: 'status' }, t('done')));
      form.reset();
      open(current);
    } catch (err) {
      fail(err);
    }
  }

  /* ------------------------------------------------------------ live feed */

  function connect() {
    const url = new URL(BASE + '/ws/agent', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url.toString());
    feed = socket;
    socket.onopen = () => {
      retries = 0;
      $('liveState').textContent = '● ' + t('live');
      loadLists();
      if (current) {
        open(current); // catch up on what arrived while disconnected
      }
    };
    socket.onmessage = (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (frame.type === 'conversation') {
        refreshListsSoon();
        if (current && frame.conversation.id === current) {
          $('convStatus').textContent = frame.conversation.status;
        }
      } else if (frame.type === 'message' && frame.conversationId === current) {
        append(frame.message);
        if (frame.message.sender === 'customer' && (document.hidden || !document.hasFocus())) {
          notify(t('notify.message', { m: frame.message.text.slice(0, 80) }));
        }
      } else if (frame.type === 'message' && frame.message.sender === 'customer' && mineIds.has(frame.conversationId)) {
        unread.set(frame.conversationId, (unread.get(frame.conversationId) || 0) + 1);
        refreshListsSoon();
        notify(t('notify.message', { m: frame.message.text.slice(0, 80) }));
      } else if (frame.type === 'typing' && frame.conversationId === current) {
        $('typingNote').hidden = false;
        clearTimeout(typingTimer);
        typingTimer = setTimeout(() => { $('typingNote').hidden = true; }, 4000);
      } else if (frame.type === 'read' && frame.conversationId === current) {
        document.querySelectorAll('#log .ws-agent').forEach((n) => {
          if (Number(n.dataset.seq) <= frame.seq) {
            n.classList.add('ws-read');
          }
        });
      }
    };
    socket.onclose = () => {
      $('liveState').textContent = t('offline');
      setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, retries++)));
    };
  }

  /* ------------------------------------------------------------ start */

  $('composer').addEventListener('submit', send);
  $('attachBtn').addEventListener('click', () => $('fileInput').click());
  $('fileInput').addEventListener('change', sendFile);
  $('draft').addEventListener('input', () => {
    showCanned();
    checkSoon();
    if (Date.now() - lastTypingSent > 3000) {
      lastTypingSent = Date.now();
      signal({ type: 'typing' });
    }
  });
  $('draft').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      send(event);
    }
  });
  $('transferForm').addEventListener('submit', (event) => {
    event.preventDefault();
    const target = $('transferTo').value.trim();
    const team = $('transferKind').value === 'team';
    action('/transfer', { to: team ? null : target, team: team ? target : null, note: $('transferNote').value.trim() },
      event.target);
  });
  $('resolveForm').addEventListener('submit', (event) => {
    event.preventDefault();
    action('/resolve', { wrapUp: $('wrapUp').value, note: $('wrapNote').value.trim() }, event.target);
  });
  $('takeBtn').addEventListener('click', async () => {
    try {
      await api('/api/v1/supervisor/conversations/' + encodeURIComponent(current) + '/takeover', { method: 'POST' });
      open(current);
    } catch (err) {
      fail(err);
    }
  });
  $('agentStatus').addEventListener('change', async (event) => {
    try {
      await api('/api/v1/agent/me/status', { method: 'PUT', body: { status: event.target.value } });
      if (event.target.value === 'ONLINE' && window.Notification && Notification.permission === 'default') {
        Notification.requestPermission(); // desktop notifications for new chats and messages while looking elsewhere
      }
    } catch (err) {
      fail(err);
    }
  });
  api('/api/v1/agent/canned').then((list) => { canned = list; }).catch(() => { canned = []; });
  loadLists();
  connect();
})();
