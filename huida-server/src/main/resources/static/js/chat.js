/*
 * Huida (慧答) — customer chat page.
 *
 * Talks to the visitor API:
 *   POST /api/v1/visitor/sessions            -> {sessionId, token}
 *   POST /api/v1/bot/messages (X-Visitor-Token) -> {type, text, faqId, confidence, candidates, explanation,
 *                                                  intent, entities, emotion, flowId, slot, choices, risks, handoff}
 *
 * The server keeps the conversation (flows, clarifications, follow-ups), so a bare "2" answers the last question.
 *
 * The session and the conversation are kept in localStorage so a reload restores them.
 * Everything that comes from the user or the server is inserted with textContent (never innerHTML).
 */
'use strict';

(() => {
  const { basePath, readTexts, el, ApiError, readProblem, csrfHeaders, isNumber } = window.HuidaDom;
  const SESSION_KEY = 'huida.session';
  const HISTORY_KEY = 'huida.history';
  const MAX_CHARS = 2000;
  const NEAR_LIMIT = 1800;
  const MAX_HISTORY = 200;
  const REPLY_TYPES = ['ANSWER', 'CLARIFY', 'FALLBACK', 'ASK_SLOT', 'HANDOFF'];

  const BASE = basePath();
  const log = document.getElementById('chatLog');
  const messages = document.getElementById('chatMessages');
  const form = document.getElementById('chatForm');
  const input = document.getElementById('chatInput');
  const sendBtn = document.getElementById('sendBtn');
  const counter = document.getElementById('charCounter');
  const newChatBtn = document.getElementById('newChatBtn');
  const starters = document.getElementById('starters');
  if (!log || !messages || !form || !input) {
    return;
  }

  const botAvatar = log.dataset.botAvatar || BASE + '/img/logo.svg';
  const userAvatar = log.dataset.userAvatar || BASE + '/img/user.svg';
  const locale = document.documentElement.lang || undefined;
  const texts = readTexts();
  const t = window.HuidaDom.translator(texts);
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const dayFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' });

  let session = loadSession();
  let history = loadHistory();
  let busy = false;
  let generation = 0;       // bumped by "New chat" so late replies of the old conversation are dropped
  let typingNode = null;
  let lastDay = null;
  let explainSeq = 0;

  /* ------------------------------------------------------------------ helpers */


  function readJson(key) {
    try {
      const raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function writeJson(key, value) {
    try {
      if (value === null || value === undefined) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, JSON.stringify(value));
      }
    } catch (e) {
      // Storage disabled or full: the page keeps working, it just will not survive a reload.
    }
  }

  function percent(value) {
    return isNumber(value) ? Math.round(value * 100) + '%' : '—';
  }

  function score(value) {
    return isNumber(value) ? value.toFixed(3) : '—';
  }

  /* ------------------------------------------------------------------ storage */

  function loadSession() {
    const stored = readJson(SESSION_KEY);
    return stored && typeof stored.sessionId === 'string' && typeof stored.token === 'string'
      ? { sessionId: stored.sessionId, token: stored.token }
      : null;
  }

  function saveSession(value) {
    session = value;
    writeJson(SESSION_KEY, value);
  }

  function loadHistory() {
    const stored = readJson(HISTORY_KEY);
    if (!Array.isArray(stored)) {
      return [];
    }
    return stored.filter((entry) => entry && isNumber(entry.time) && (
      (entry.role === 'user' && typeof entry.text === 'string')
      || (entry.role === 'bot' && entry.reply && typeof entry.reply.text === 'string')));
  }

  function pushHistory(entry) {
    history.push(entry);
    if (history.length > MAX_HISTORY) {
      history = history.slice(history.length - MAX_HISTORY);
    }
    writeJson(HISTORY_KEY, history);
  }

  /* ------------------------------------------------------------------ API */


  async function createSession() {
    // Sent without cookies: the endpoint is public, and a stale session cookie (idle timeout, server restart)
    // would make the server demand a CSRF token that no longer matches, failing with 403.
    const response = await fetch(BASE + '/api/v1/visitor/sessions', {
      method: 'POST',
      credentials: 'omit',
      headers: { Accept: 'application/json' }
    });
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response), t('errorSession'));
    }
    const body = await response.json();
    if (!body || typeof body.sessionId !== 'string' || typeof body.token !== 'string') {
      throw new ApiError(response.status, {}, t('errorSession'));
    }
    saveSession({ sessionId: body.sessionId, token: body.token });
    return session;
  }

  function postMessage(current, text) {
    return fetch(BASE + '/api/v1/bot/messages', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Visitor-Token': current.token,
        ...csrfHeaders()
      },
      body: JSON.stringify({ sessionId: current.sessionId, text, channel: 'web' })
    });
  }

  /** Sends a message; when the visitor token is rejected, starts a new session and retries once. */
  async function ask(text) {
    let current = session || await createSession();
    let response = await postMessage(current, text);
    if (response.status === 401 || response.status === 403) {
      saveSession(null);
      current = await createSession();
      response = await postMessage(current, text);
    }
    if (!response.ok) {
      throw new ApiError(response.status, await readProblem(response), t('errorGeneric'));
    }
    return normalizeReply(await response.json());
  }

  /** Keeps only the fields the page uses, with safe types. */
  function normalizeReply(raw) {
    const reply = raw && typeof raw === 'object' ? raw : {};
    const exp = reply.explanation && typeof reply.explanation === 'object' ? reply.explanation : {};
    const str = (value) => (typeof value === 'string' ? value : null);
    const num = (value) => (isNumber(value) ? value : null);
    return {
      type: REPLY_TYPES.includes(reply.type) ? reply.type : 'FALLBACK',
      text: typeof reply.text === 'string' ? reply.text : '',
      faqId: str(reply.faqId),
      confidence: num(reply.confidence),
      candidates: (Array.isArray(reply.candidates) ? reply.candidates : [])
        .filter((c) => c && typeof c.question === 'string')
        .map((c) => ({ faqId: str(c.faqId), question: c.question, score: num(c.score) })),
      explanation: {
        normalizedText: str(exp.normalizedText),
        language: str(exp.language),
        matchedQuestion: str(exp.matchedQuestion),
        lexicalScore: num(exp.lexicalScore),
        semanticScore: num(exp.semanticScore),
        answerThreshold: num(exp.answerThreshold),
        clarifyThreshold: num(exp.clarifyThreshold),
        reason: str(exp.reason)
      },
      intent: reply.intent && typeof reply.intent === 'object'
        ? { name: str(reply.intent.name), confidence: num(reply.intent.confidence) } : null,
      emotion: reply.emotion && typeof reply.emotion === 'object' && typeof reply.emotion.label === 'string'
        ? { label: reply.emotion.label, intensity: num(reply.emotion.intensity) } : null,
      entities: (Array.isArray(reply.entities) ? reply.entities : [])
        .filter((e) => e && typeof e.type === 'string' && typeof e.text === 'string')
        .map((e) => ({ type: e.type, text: e.text, value: str(e.value) })),
      flowId: str(reply.flowId),
      slot: str(reply.slot),
      choices: (Array.isArray(reply.choices) ? reply.choices : [])
        .filter((c) => c && typeof c.label === 'string')
        .map((c) => ({ number: num(c.number), label: c.label })),
      risks: (Array.isArray(reply.risks) ? reply.risks : [])
        .filter((r) => r && typeof r.type === 'string')
        .map((r) => ({ type: r.type, message: str(r.message) })),
      handoff: reply.handoff && typeof reply.handoff === 'object'
        ? { reason: str(reply.handoff.reason), detail: str(reply.handoff.detail), skill: str(reply.handoff.skill) } : null
    };
  }

  function errorMessage(error) {
    if (!(error instanceof ApiError)) {
      return t('errorNetwork');
    }
    // The server's problem details are English developer texts: show the visitor a localized sentence instead.
    const detail = String(error.problem.detail || '');
    if (error.status === 400 && /more than \d+/.test(detail)) {
      return t('tooLong', { max: MAX_CHARS });
    }
    if (error.status === 401 || error.status === 403) {
      return t('errorSession');
    }
    return error.status >= 400 && error.status < 500 && error.status !== 429 ? t('errorInvalid') : t('errorGeneric');
  }

  function isRetryable(error) {
    return !(error instanceof ApiError) || error.status >= 500 || error.status === 429
      || error.status === 401 || error.status === 403;
  }

  /* ------------------------------------------------------------------ rendering */

  function scrollToBottom(smooth) {
    log.scrollTo({ top: log.scrollHeight, behavior: smooth ? 'smooth' : 'auto' });
  }

  function dayKey(time) {
    const d = new Date(time);
    return d.getFullYear() + '-' + d.getMonth() + '-' + d.getDate();
  }

  function maybeDayDivider(time) {
    const key = dayKey(time);
    if (key === lastDay) {
      return;
    }
    lastDay = key;
    const label = key === dayKey(Date.now()) ? t('today') : dayFormat.format(new Date(time));
    messages.append(el('div', { class: 'day-divider', role: 'separator' }, label));
  }

  function timeNode(time) {
    return el('time', { datetime: new Date(time).toISOString() }, timeFormat.format(new Date(time)));
  }

  function avatar(src) {
    return el('img', { class: 'avatar', src, alt: '', width: 36, height: 36 });
  }

  function renderUser(entry) {
    return el('div', { class: 'msg msg-user' },
      avatar(userAvatar),
      el('div', { class: 'msg-body' },
        el('div', { class: 'bubble' }, entry.text),
        el('div', { class: 'msg-meta' },
          el('span', {}, t('you')), el('span', { class: 'sep', 'aria-hidden': 'true' }, '·'), timeNode(entry.time))));
  }

  function renderBot(entry) {
    const reply = entry.reply;
    const type = REPLY_TYPES.includes(reply.type) ? reply.type : 'FALLBACK';
    const body = el('div', { class: 'msg-body' }, el('div', { class: 'bubble' }, reply.text));

    const choices = Array.isArray(reply.choices) && reply.choices.length > 0 ? reply.choices
      : (type === 'CLARIFY' && Array.isArray(reply.candidates)
        ? reply.candidates.map((c, i) => ({ number: i + 1, label: c.question })) : []);
    if (choices.length > 0 && (type === 'CLARIFY' || type === 'ASK_SLOT')) {
      // Numbered because the visitor may also answer with the number; the server resolves either.
      body.append(el('div', { class: 'quick-replies', role: 'group', 'aria-label': t('clarifyHint') },
        choices.map((c, i) => el('button', {
          type: 'button',
          class: 'chip',
          onclick: () => send(c.label)
        }, el('span', { class: 'chip-num', 'aria-hidden': 'true' }, (c.number || i + 1) + '.'), c.label))));
    }
    if (type === 'HANDOFF') {
      body.append(el('div', { class: 'handoff-note', role: 'status' },
        el('span', { class: 'badge badge-brand' }, t('type.HANDOFF')), ' ', t('handoffNote')));
    }
    if (Array.isArray(reply.risks) && reply.risks.some((r) => r.type !== 'investment_high_risk')) {
      body.append(el('div', { class: 'risk-note', role: 'note' }, t('riskNote')));
    }

    const panelId = 'explain-' + (++explainSeq);
    const panel = renderExplanation(reply, panelId);
    const toggleLabel = el('span', {}, t('why'));
    const toggle = el('button', {
      type: 'button',
      class: 'link-btn',
      'aria-expanded': 'false',
      'aria-controls': panelId,
      onclick: () => {
        const open = panel.hidden;
        panel.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
        toggleLabel.textContent = open ? t('whyHide') : t('why');
        if (open && panel.getBoundingClientRect().bottom > log.getBoundingClientRect().bottom) {
          panel.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        }
      }
    }, toggleLabel, el('span', { class: 'chev', 'aria-hidden': 'true' }, '▾'));

    body.append(
      el('div', { class: 'msg-meta' },
        el('span', {}, t('bot')), el('span', { class: 'sep', 'aria-hidden': 'true' }, '·'), timeNode(entry.time),
        el('span', { class: 'sep', 'aria-hidden': 'true' }, '·'), toggle),
      panel);

    return el('div', { class: 'msg msg-bot msg-' + type.toLowerCase() }, avatar(botAvatar), body);
  }

  function meterRow(value, text) {
    const fill = el('span');
    fill.style.width = (isNumber(value) ? Math.max(0, Math.min(1, value)) * 100 : 0).toFixed(1) + '%';
    return el('span', { class: 'score' }, el('span', { class: 'meter', 'aria-hidden': 'true' }, fill), text);
  }

  function renderExplanation(reply, id) {
    const exp = reply.explanation || {};
    const rows = [];
    const row = (label, value) => rows.push(el('dt', {}, label), el('dd', {}, value));

    const badgeClass = {
      ANSWER: 'badge badge-success', CLARIFY: 'badge badge-brand', FALLBACK: 'badge badge-warn',
      ASK_SLOT: 'badge badge-brand', HANDOFF: 'badge badge-warn'
    };
    row(t('exp.type'), el('span', { class: badgeClass[reply.type] || 'badge' }, t('type.' + reply.type)));
    row(t('exp.confidence'), meterRow(reply.confidence, percent(reply.confidence)));
    row(t('exp.matched'), exp.matchedQuestion || '—');
    row(t('exp.lexical'), meterRow(exp.lexicalScore, score(exp.lexicalScore)));
    row(t('exp.semantic'), meterRow(exp.semanticScore, score(exp.semanticScore)));
    row(t('exp.thresholds'), t('exp.answerThreshold', { v: percent(exp.answerThreshold) }) + ' · '
      + t('exp.clarifyThreshold', { v: percent(exp.clarifyThreshold) }));
    if (exp.language) {
      row(t('exp.language'), texts['exp.lang.' + exp.language] || exp.language);
    }
    if (exp.normalizedText) {
      row(t('exp.normalized'), exp.normalizedText);
    }
    row(t('exp.reason'), exp.reason || '—');
    if (reply.intent) {
      row(t('exp.intent'), meterRow(reply.intent.confidence,
        (reply.intent.name || t('exp.intent.none')) + ' · ' + percent(reply.intent.confidence)));
    }
    if (reply.flowId) {
      row(t('exp.flow'), reply.flowId + (reply.slot ? ' · ' + t('exp.slot', { v: reply.slot }) : ''));
    }
    if (reply.handoff) {
      row(t('exp.handoff'), (reply.handoff.detail || reply.handoff.reason || '—')
        + (reply.handoff.skill ? ' · ' + reply.handoff.skill : ''));
    }
    if (Array.isArray(reply.risks) && reply.risks.length > 0) {
      row(t('exp.risks'), el('ul', { class: 'entities' }, reply.risks.map((r) => el('li', {},
        el('span', { class: 'badge badge-warn' }, texts['risk.' + r.type] || r.type), ' ', r.message || ''))));
    }
    if (reply.emotion) {
      const label = texts['emotion.' + reply.emotion.label] || reply.emotion.label;
      row(t('exp.emotion'), reply.emotion.label === 'neutral' ? label : meterRow(reply.emotion.intensity, label));
    }
    if (reply.entities.length > 0) {
      row(t('exp.entities'), el('ul', { class: 'entities' }, reply.entities.map((e) => el('li', {},
        el('span', { class: 'badge' }, texts['entity.' + e.type] || e.type), ' ', e.text,
        e.value && e.value !== e.text ? el('span', { class: 'cand-score' }, ' → ' + e.value) : null))));
    }
    if (Array.isArray(reply.candidates) && reply.candidates.length > 0) {
      row(t('exp.candidates'), el('ol', {}, reply.candidates.map((c) => el('li', {},
        c.faqId ? el('span', { class: 'cand-id' }, c.faqId) : null,
        c.question,
        el('span', { class: 'cand-score' }, percent(c.score))))));
    }
    return el('div', { class: 'explain', id, hidden: true }, el('dl', {}, rows));
  }

  function appendEntry(entry, restored = false) {
    maybeDayDivider(entry.time);
    const node = entry.role === 'user' ? renderUser(entry) : renderBot(entry);
    if (restored) {
      node.classList.add('restored');
    }
    messages.append(node);
    if (typingNode) {
      messages.append(typingNode); // keep the indicator last
    }
    return node;
  }

  function showTyping() {
    hideTyping();
    typingNode = el('div', { class: 'msg msg-bot typing' },
      avatar(botAvatar),
      el('div', { class: 'msg-body' },
        el('div', { class: 'bubble' },
          el('span', { class: 'typing-dots', 'aria-hidden': 'true' }, el('span'), el('span'), el('span')),
          el('span', { class: 'typing-label' }, t('typing')))));
    messages.append(typingNode);
    scrollToBottom(true);
  }

  function hideTyping() {
    if (typingNode) {
      typingNode.remove();
      typingNode = null;
    }
  }

  /** Shows an error politely, inline; not stored in the history. */
  function showError(message, retryText) {
    const meta = el('div', { class: 'msg-meta' }, timeNode(Date.now()));
    const node = el('div', { class: 'msg msg-bot msg-error', role: 'alert' },
      avatar(botAvatar),
      el('div', { class: 'msg-body' },
        el('div', { class: 'bubble' }, el('strong', {}, t('errorTitle')), el('span', {}, message)),
        meta));
    if (retryText) {
      meta.append(el('span', { class: 'sep', 'aria-hidden': 'true' }, '·'), el('button', {
        type: 'button',
        class: 'link-btn',
        onclick: () => {
          node.remove();
          send(retryText, { retry: true });
        }
      }, t('retry')));
    }
    messages.append(node);
    scrollToBottom(true);
  }

  /* ------------------------------------------------------------------ sending */

  function setBusy(value) {
    busy = value;
    form.setAttribute('aria-busy', String(value));
    updateComposer();
  }

  async function send(rawText, { fromInput = false, retry = false } = {}) {
    let text = (rawText || '').trim();
    if (!text || busy) {
      return;
    }
    if (text.length > MAX_CHARS) {
      showError(t('tooLong', { max: MAX_CHARS }), null);
      return;
    }
    if (!retry) {
      const entry = { role: 'user', text, time: Date.now() };
      pushHistory(entry);
      appendEntry(entry);
    }
    if (fromInput) {
      input.value = '';
      updateComposer();
    }

    const myGeneration = generation;
    setBusy(true);
    showTyping();
    try {
      const reply = await ask(text);
      if (myGeneration !== generation) {
        return;
      }
      hideTyping();
      const entry = { role: 'bot', time: Date.now(), reply };
      pushHistory(entry);
      appendEntry(entry);
      scrollToBottom(true);
    } catch (error) {
      if (myGeneration !== generation) {
        return;
      }
      hideTyping();
      showError(errorMessage(error), isRetryable(error) ? text : null);
      if (!(error instanceof ApiError) || error.status >= 500) {
        console.warn('Huida: message failed', error);
      }
    } finally {
      if (myGeneration === generation) {
        hideTyping();
        setBusy(false);
      }
    }
  }

  function newChat() {
    generation++;
    history = [];
    writeJson(HISTORY_KEY, null);
    saveSession(null);
    hideTyping();
    messages.replaceChildren();
    lastDay = null;
    setBusy(false);
    input.value = '';
    updateComposer();
    log.scrollTo({ top: 0 });
    input.focus();
  }

  /* ------------------------------------------------------------------ composer */

  function updateComposer() {
    const length = input.value.length;
    counter.textContent = length + ' / ' + MAX_CHARS;
    counter.classList.toggle('near', length >= NEAR_LIMIT && length <= MAX_CHARS);
    counter.classList.toggle('over', length > MAX_CHARS);
    sendBtn.disabled = busy || input.value.trim() === '' || length > MAX_CHARS;
    autosize();
  }

  function autosize() {
    input.style.height = 'auto';
    input.style.height = input.scrollHeight + 'px';
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(input.value, { fromInput: true });
  });

  input.addEventListener('input', updateComposer);

  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter inserts a newline; never send while an IME (pinyin) is composing.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      send(input.value, { fromInput: true });
    }
  });

  if (newChatBtn) {
    newChatBtn.addEventListener('click', newChat);
  }

  if (starters) {
    starters.addEventListener('click', (event) => {
      const chip = event.target.closest('button.chip');
      if (chip) {
        send(chip.textContent);
      }
    });
  }

  /* ------------------------------------------------------------------ start */

  history.forEach((entry) => appendEntry(entry, true));
  updateComposer();
  if (history.length > 0) {
    scrollToBottom(false);
  }
})();
