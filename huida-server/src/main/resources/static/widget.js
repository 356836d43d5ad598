/*
 * Huida (慧答) — embeddable chat widget.
 *
 *   <script src="https://your-huida-host/widget.js" data-lang="zh" data-title="在线客服" async></script>
 *
 * One script tag adds a chat button and window to any page (styles isolated in a shadow root). It talks to
 * Huida over one WebSocket (/ws/chat): the first connection opens a conversation and receives its token, kept in
 * localStorage so a returning visitor keeps the history. Messages carry a client id and are resent after a dropped
 * connection until acknowledged; the server stores each once and numbers every message, so after a reconnect the
 * visitor gets exactly what was missed. Everything from the server is inserted as text, never as HTML.
 */
(function () {
  'use strict';
  if (window.HuidaWidget) {
    return;
  }
  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  var base = new URL(script ? script.src : '/widget.js', window.location.href);
  var lang = ((script && script.dataset.lang) || navigator.language || 'zh').toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en';
  var TEXTS = {
    zh: {
      title: '慧答在线客服', subtitle: '通常几秒内回复', placeholder: '请输入您的问题…', send: '发送', open: '打开在线客服',
      close: '收起', connecting: '正在连接…', offline: '连接已断开，正在重连…', sending: '发送中', failed: '发送失败，稍后自动重试',
      welcome: '您好！我是慧答智能客服，请问有什么可以帮您？', agent: '客服', bot: '慧答', you: '我', handoff: '已为您转接人工客服',
      newChat: '新对话', tooLong: '消息太长了（最多 2000 字）', rate: '请为本次服务评分', comment: '还有什么想对我们说的？（选填）',
      submit: '提交评价', thanks: '感谢您的评价！', agentTyping: '客服正在输入…', read: '已读'
    },
    en: {
      title: 'Huida support', subtitle: 'We usually reply in seconds', placeholder: 'Type your question…', send: 'Send',
      open: 'Open chat', close: 'Close', connecting: 'Connecting…', offline: 'Connection lost, reconnecting…', sending: 'Sending',
      failed: 'Not sent yet, retrying', welcome: 'Hello! I am Huida. How can I help you?', agent: 'Agent', bot: 'Huida',
      you: 'You', handoff: 'You are being connected to a human agent', newChat: 'New chat', tooLong: 'Too long (2000 characters at most)',
      rate: 'How did we do?', comment: 'Anything else to tell us? (optional)', submit: 'Send rating', thanks: 'Thank you for your rating!',
      agentTyping: 'The agent is typing…', read: 'Read', attach: 'Send an image or file', uploadFailed: 'The file was not sent: '
    }
  };
  var T = TEXTS[lang];
  if (script && script.dataset.title) {
    T.title = script.dataset.title;
  }
  var KEY = 'huida.widget.' + base.host;
  var MAX = 2000;

  var state = load();            // {token, conversationId, pending: {clientId: text}}
  var seen = {};                 // seq -> true: every message is shown once
  var lastSeq = 0;               // highest seq shown without a gap
  var socket = null;
  var retries = 0;
  var typingTimer = null;
  var lastTypingSent = 0;
  var bySeq = {};                // seq -> bubble of the customer's own messages (for read receipts)
  var opened = false;

  function load() {
    try {
      var s = JSON.parse(window.localStorage.getItem(KEY) || '{}');
      return { token: s.token || null, conversationId: s.conversationId || null, pending: s.pending || {} };
    } catch (e) {
      return { token: null, conversationId: null, pending: {} };
    }
  }

  function save() {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      // storage off: the chat still works, it only forgets the conversation on reload
    }
  }

  /* ---------------------------------------------------------------- DOM */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'onclick') {
        node.addEventListener('click', attrs[k]);
      } else {
        node.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        node.append(typeof c === 'string' ? document.createTextNode(c) : c);
      }
    });
    return node;
  }

  var CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';
  var CLIP_ICON = 'M16.5 6v11.5c0 2.21-1.79 4-4 4s-4-1.79-4-4V5c0-1.38 1.12-2.5 2.5-2.5s2.5 1.12 2.5 2.5v10.5c0 .55-.45 1-1 1s-1-.45-1-1V6H10v9.5c0 1.38 1.12 2.5 2.5 2.5s2.5-1.12 2.5-2.5V5c0-2.21-1.79-4-4-4S7 2.79 7 5v12.5c0 3.04 2.46 5.5 5.5 5.5s5.5-2.46 5.5-5.5V6h-1.5z';

  /** An icon drawn from an SVG path (so it needs no emoji font). */
  function icon(d, size) {
    var NS = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(NS, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', d);
    svg.append(path);
    return svg;
  }

  var host = el('div', { id: 'huida-widget' });
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  var style = el('style', {}, [[
    ':host{all:initial}',
    '*{box-sizing:border-box;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}',
    '.fab{position:fixed;right:24px;bottom:24px;width:58px;height:58px;border-radius:50%;border:0;cursor:pointer;',
    'background:linear-gradient(135deg,#2f5fe8,#1c3fa8);color:#fff;box-shadow:0 10px 30px rgba(28,63,168,.35);z-index:2147483000;display:flex;align-items:center;justify-content:center}',
    '.panel{position:fixed;right:24px;bottom:96px;width:370px;max-width:calc(100vw - 32px);height:560px;max-height:calc(100vh - 120px);',
    'display:flex;flex-direction:column;background:#f7f8fc;border-radius:16px;overflow:hidden;box-shadow:0 20px 60px rgba(15,23,42,.25);z-index:2147483000}',
    '.panel[hidden]{display:none}',
    '.head{background:linear-gradient(135deg,#2f5fe8,#1c3fa8);color:#fff;padding:14px 16px;display:flex;align-items:center;gap:10px}',
    '.head .t{font-weight:650;font-size:15px}.head .s{font-size:12px;opacity:.85}.head .sp{flex:1}',
    '.head button{background:rgba(255,255,255,.15);color:#fff;border:0;border-radius:8px;padding:4px 8px;cursor:pointer;font-size:12px}',
    '.status{font-size:12px;color:#b54708;background:#fffaeb;padding:6px 12px;border-bottom:1px solid #fedf89}',
    '.log{flex:1;overflow-y:auto;padding:14px 12px;display:flex;flex-direction:column;gap:10px}',
    '.m{max-width:82%;padding:9px 12px;border-radius:14px;font-size:14px;line-height:1.5;white-space:pre-wrap;overflow-wrap:anywhere}',
    '.m.customer{align-self:flex-end;background:#2f5fe8;color:#fff;border-bottom-right-radius:4px}',
    '.m.bot,.m.agent,.m.system{align-self:flex-start;background:#fff;color:#1f2937;border:1px solid #e5e7eb;border-bottom-left-radius:4px}',
    '.m.agent{border-color:#b5c8ff}.m.system{font-size:12px;color:#475467;background:#eef3ff}',
    '.who{font-size:11px;color:#667085;margin:0 4px -6px}.who.right{align-self:flex-end}',
    '.pending{opacity:.65}.note{font-size:11px;color:#b54708;align-self:flex-end}',
    '.chips{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start;max-width:90%}',
    '.chip{border:1px solid #b5c8ff;background:#fff;color:#2450d0;border-radius:999px;padding:5px 11px;font-size:13px;cursor:pointer}',
    '.chip:hover{background:#eef3ff}',
    '.typing{align-self:flex-start;font-size:12px;color:#667085}',
    '.m.customer.read::after{content:attr(data-read);display:block;font-size:10px;opacity:.75;text-align:right;margin-top:2px}',
    'form{display:flex;gap:8px;padding:10px;border-top:1px solid #e5e7eb;background:#fff}',
    'textarea{flex:1;resize:none;border:1px solid #d0d5dd;border-radius:10px;padding:8px 10px;font-size:14px;height:42px;max-height:110px}',
    'textarea:focus{outline:2px solid #b5c8ff;border-color:#2f5fe8}',
    'form button{border:0;border-radius:10px;background:#2f5fe8;color:#fff;padding:0 16px;font-size:14px;cursor:pointer}',
    'form button:disabled{opacity:.5;cursor:default}',
    'form .clip{background:#eef3ff;color:#2450d0;padding:0 10px;font-size:18px}',
    '.m img{display:block;max-width:220px;max-height:220px;border-radius:8px;margin-top:4px}',
    '.m a{color:inherit;text-decoration:underline}',
    '.rate{align-self:stretch;background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:10px 12px;font-size:13px}',
    '.stars{display:flex;gap:4px;margin:6px 0}.star{border:0;background:none;font-size:24px;color:#d0d5dd;cursor:pointer;padding:0 2px}',
    '.star.on{color:#f5a524}.rate input{width:100%;border:1px solid #d0d5dd;border-radius:8px;padding:6px 8px;font-size:13px}',
    '.rate .go{margin-top:8px;border:0;border-radius:8px;background:#2f5fe8;color:#fff;padding:6px 12px;cursor:pointer}'
  ].join('')]);
  var log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
  var status = el('div', { class: 'status', hidden: '' }, [T.connecting]);
  var input = el('textarea', { placeholder: T.placeholder, maxlength: String(MAX), 'aria-label': T.placeholder });
  var sendBtn = el('button', { type: 'submit' }, [T.send]);
  var fileInput = el('input', { type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf', hidden: '' });
  var clip = el('button', { type: 'button', class: 'clip', 'aria-label': T.attach, title: T.attach,
    onclick: function () { fileInput.click(); } }, [icon(CLIP_ICON, 20)]);
  var form = el('form', {}, [clip, fileInput, input, sendBtn]);
  var panel = el('div', { class: 'panel', hidden: '', role: 'dialog', 'aria-label': T.title }, [
    el('div', { class: 'head' }, [
      el('div', {}, [el('div', { class: 't' }, [T.title]), el('div', { class: 's' }, [T.subtitle])]),
      el('div', { class: 'sp' }),
      el('button', { type: 'button', onclick: newChat }, [T.newChat]),
      el('button', { type: 'button', onclick: toggle, 'aria-label': T.close }, ['✕'])
    ]),
    status, log, form
  ]);
  var fab = el('button', { class: 'fab', type: 'button', 'aria-label': T.open, onclick: toggle }, [icon(CHAT_ICON, 28)]);
  root.append(style, panel, fab);

  function toggle() {
    opened = panel.hasAttribute('hidden');
    if (opened) {
      panel.removeAttribute('hidden');
      connect();
      input.focus();
    } else {
      panel.setAttribute('hidden', '');
    }
  }

  function scroll() {
    log.scrollTop = log.scrollHeight;
  }

  function who(sender) {
    return sender === 'customer' ? T.you : sender === 'agent' ? T.agent : sender === 'bot' ? T.bot : '';
  }

  function bubble(sender, text, extraClass) {
    if (sender !== 'system') {
      log.append(el('div', { class: 'who' + (sender === 'customer' ? ' right' : '') }, [who(sender)]));
    }
    var node = el('div', { class: 'm ' + sender + (extraClass ? ' ' + extraClass : '') }, [text]);
    log.append(node);
    scroll();
    return node;
  }

  function chips(choices) {
    if (!choices || !choices.length) {
      return;
    }
    var row = el('div', { class: 'chips' });
    choices.forEach(function (c) {
      row.append(el('button', { class: 'chip', type: 'button', onclick: function () { send(c.label); } },
        [(c.number ? c.number + '. ' : '') + c.label]));
    });
    log.append(row);
    scroll();
  }

  function typing(on, text) {
    clearTimeout(typingTimer);
    var node = log.querySelector('.typing');
    if (node) {
      node.remove();
    }
    if (on) {
      log.append(el('div', { class: 'typing' }, [text || T.bot + ' …']));
      scroll();
      typingTimer = setTimeout(function () { typing(false); }, 15000);
    }
  }

  /* ---------------------------------------------------------------- connection */

  function connect() {
    if (socket && (socket.readyState === 0 || socket.readyState === 1)) {
      return;
    }
    var url = new URL('/ws/chat', base);
    url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    if (state.token) {
      url.searchParams.set('token', state.token);
    }
    status.textContent = retries ? T.offline : T.connecting;
    status.removeAttribute('hidden');
    socket = new WebSocket(url.toString());
    socket.onopen = function () {
      var hello = { type: 'hello', lastSeq: lastSeq };
      var d = script ? script.dataset : {};
      if (d.userId && d.userSig) { // a customer the host site vouches for (HMAC signed by its server)
        hello.user = { id: d.userId, name: d.userName || '', segment: d.userSegment || '', expires: Number(d.userExpires || 0),
          sig: d.userSig };
      }
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      onFrame(frame);
    };
    socket.onclose = function (event) {
      if (event.code === 1008 || event.code === 4001) {
        state.token = null; // refused token: start over with a new conversation
      }
      reconnectLater();
    };
    socket.onerror = function () {
      // onclose follows
    };
  }

  function reconnectLater() {
    socket = null;
    if (!opened && !Object.keys(state.pending).length) {
      return;
    }
    status.textContent = T.offline;
    status.removeAttribute('hidden');
    var delay = Math.min(30000, 1000 * Math.pow(2, retries++)) + Math.random() * 500;
    setTimeout(connect, delay);
  }

  function onFrame(f) {
    if (f.type === 'session') {
      state.token = f.token;
      state.conversationId = f.conversationId;
      save();
    } else if (f.type === 'ready') {
      retries = 0;
      status.setAttribute('hidden', '');
      if (!log.childElementCount) {
        bubble('bot', T.welcome);
      }
      Object.keys(state.pending).forEach(function (clientId) { // resend what was never acknowledged
        transmit(clientId, state.pending[clientId]);
      });
    } else if (f.type === 'message') {
      show(f);
    } else if (f.type === 'typing') {
      typing(true, T.agentTyping);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typing(false); }, 4000);
    } else if (f.type === 'read') {
      Object.keys(bySeq).forEach(function (seq) {
        if (Number(seq) <= f.seq) {
          bySeq[seq].classList.add('read');
          bySeq[seq].setAttribute('data-read', T.read);
        }
      });
    } else if (f.type === 'ack') {
      delete state.pending[f.clientId];
      save();
      var node = log.querySelector('[data-client="' + CSS.escape(f.clientId) + '"]');
      if (node) {
        node.classList.remove('pending');
        bySeq[f.seq] = node;
      }
    } else if (f.type === 'error') {
      if (f.clientId) {
        delete state.pending[f.clientId];
        save();
      }
      bubble('system', f.detail || T.failed);
    }
  }

  function show(f) {
    if (seen[f.seq]) {
      return;
    }
    seen[f.seq] = true;
    while (seen[lastSeq + 1]) {
      lastSeq++;
    }
    var mine = f.clientId && log.querySelector('[data-client="' + CSS.escape(f.clientId) + '"]');
    if (f.sender === 'customer' && mine) {
      mine.classList.remove('pending'); // already shown as typed
      bySeq[f.seq] = mine;
      return;
    }
    if (f.sender === 'agent' && opened && socket && socket.readyState === 1) {
      socket.send(JSON.stringify({ type: 'read', seq: f.seq })); // the agent sees the visitor has read it
    }
    if (f.sender !== 'customer') {
      typing(false);
    }
    var reply = f.reply || {};
    if (f.sender === 'bot' && reply.type === 'HANDOFF' && !f.text) {
      return; // the bot stays quiet while an agent has the conversation
    }
    var shown = bubble(f.sender, f.text);
    if (f.attachmentId && state.token) {
      var href = new URL('/api/v1/bot/attachments/' + encodeURIComponent(f.attachmentId) + '?token='
        + encodeURIComponent(state.token), base).toString();
      shown.append(f.text.indexOf('[图片]') === 0 ? el('img', { src: href, alt: f.text })
        : el('div', {}, [el('a', { href: href, target: '_blank', rel: 'noopener' }, ['⬇'])]));
    }
    if (f.sender === 'customer') {
      bySeq[f.seq] = shown;
    }
    if (f.sender === 'system' && f.kind === 'RATE') {
      rating();
    }
    if (f.sender === 'bot') {
      chips(reply.choices);
      if (reply.type === 'HANDOFF') {
        bubble('system', T.handoff);
      }
    }
  }

  /** Stars 1–5 and an optional comment after the conversation was resolved. */
  function rating() {
    var score = 0;
    var stars = [];
    var comment = el('input', { type: 'text', maxlength: '500', placeholder: T.comment });
    var box = el('div', { class: 'rate' }, [el('div', {}, [T.rate])]);
    var row = el('div', { class: 'stars' });
    [1, 2, 3, 4, 5].forEach(function (n) {
      var star = el('button', { type: 'button', class: 'star', 'aria-label': String(n), onclick: function () {
        score = n;
        stars.forEach(function (s, i) { s.classList.toggle('on', i < n); });
      } }, ['★']);
      stars.push(star);
      row.append(star);
    });
    var go = el('button', { type: 'button', class: 'go', onclick: function () {
      if (!score || !socket || socket.readyState !== 1) {
        return;
      }
      socket.send(JSON.stringify({ type: 'rate', score: score, comment: comment.value }));
      box.replaceChildren(el('div', {}, [T.thanks]));
    } }, [T.submit]);
    box.append(row, comment, go);
    log.append(box);
    scroll();
  }

  function transmit(clientId, text) {
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify({ type: 'message', clientId: clientId, text: text }));
    }
  }

  function send(text) {
    text = (text || '').trim();
    if (!text) {
      return;
    }
    if (text.length > MAX) {
      bubble('system', T.tooLong);
      return;
    }
    var clientId = 'w' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    state.pending[clientId] = text;
    save();
    var node = bubble('customer', text, 'pending');
    node.setAttribute('data-client', clientId);
    typing(true);
    connect();
    transmit(clientId, text);
  }

  /** Uploads a file over HTTP (with the token); it comes back as a message over the socket. */
  function upload(file) {
    if (!file || !state.token) {
      return;
    }
    var data = new FormData();
    data.append('file', file);
    fetch(new URL('/api/v1/bot/attachments', base).toString(), {
      method: 'POST', headers: { 'X-Visitor-Token': state.token }, body: data, credentials: 'omit'
    }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (p) { bubble('system', T.uploadFailed + (p.detail || r.status)); });
      }
      return null;
    }).catch(function () { bubble('system', T.uploadFailed + T.offline); });
  }

  function newChat() {
    state = { token: null, conversationId: null, pending: {} };
    save();
    seen = {};
    lastSeq = 0;
    log.replaceChildren();
    if (socket) {
      socket.close();
    }
    socket = null;
    connect();
  }

  fileInput.addEventListener('change', function () {
    upload(fileInput.files && fileInput.files[0]);
    fileInput.value = '';
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    send(input.value);
    input.value = '';
  });
  input.addEventListener('input', function () {
    if (socket && socket.readyState === 1 && Date.now() - lastTypingSent > 3000) {
      lastTypingSent = Date.now();
      socket.send(JSON.stringify({ type: 'typing' }));
    }
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      send(input.value);
      input.value = '';
    }
  });
  window.addEventListener('online', function () {
    if (opened) {
      connect();
    }
  });

  function mount() {
    document.body.append(host);
    if (Object.keys(state.pending).length) {
      connect(); // deliver what a previous page left unsent
    }
  }
  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
  window.HuidaWidget = { open: function () { if (!opened) { toggle(); } }, send: send };
})();
