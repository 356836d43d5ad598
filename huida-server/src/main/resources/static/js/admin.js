/*
 * Huida (慧答) — knowledge-base console.
 *
 * Cards: status, import (with progress polling), export (static links), versions (publish),
 * FAQ browser (search + paging) and batch test. Same-origin fetch calls are authenticated by the
 * session cookie; every non-GET call carries the CSRF header from the page's <meta> tags.
 * Server-provided text is always inserted with textContent (never innerHTML).
 */
'use strict';

(() => {
  const { basePath, readTexts, el, ApiError, readProblem, csrfHeaders, isNumber } = window.HuidaDom;
  const BASE = basePath();
  const locale = document.documentElement.lang || undefined;
  const texts = readTexts();
  const t = window.HuidaDom.translator(texts);
  const intFormat = new Intl.NumberFormat(locale);
  const pctFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const PHASES = ['PARSING', 'INDEXING', 'CALIBRATING', 'SAVING'];
  const PHASE_SPANS = { PARSING: [0.02, 0.1], INDEXING: [0.1, 0.8], CALIBRATING: [0.8, 0.92], SAVING: [0.92, 0.99] };
  const POLL_MS = 500;
  const $ = (id) => document.getElementById(id);

  /* ================================================================== helpers */


  function fmtInt(value) {
    return isNumber(value) ? intFormat.format(value) : '—';
  }

  function fmtPct(value) {
    return isNumber(value) ? pctFormat.format(value) : '—';
  }

  function fmtDate(value) {
    if (!value) {
      return '—';
    }
    // ISO-8601 text normally; epoch seconds or milliseconds if the server writes numbers.
    const date = typeof value === 'number' ? new Date(value < 1e11 ? value * 1000 : value) : new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : dateFormat.format(date);
  }

  function str(value) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  function alertBox(kind, body, title) {
    return el('div', { class: 'alert alert-' + kind, role: kind === 'error' ? 'alert' : 'status' },
      el('div', {}, title ? el('div', { class: 'alert-title' }, title) : null, el('div', {}, body)));
  }

  function showAlert(container, kind, body, title) {
    container.replaceChildren(alertBox(kind, body, title));
  }

  function emptyRow(columns, text) {
    return el('tr', { class: 'empty-row' }, el('td', { colspan: columns }, text));
  }

  /** Shows a spinner and a different label on a submit button while work runs. */
  function setButtonBusy(button, busy, busyLabel) {
    const label = button.querySelector('.btn-label');
    const spinner = button.querySelector('.spinner');
    if (label && button.dataset.label === undefined) {
      button.dataset.label = label.textContent;
    }
    button.disabled = busy;
    button.setAttribute('aria-busy', String(busy));
    if (spinner) {
      spinner.hidden = !busy;
    }
    if (label) {
      label.textContent = busy && busyLabel ? busyLabel : button.dataset.label;
    }
  }

  /* ================================================================== API */


  function showSessionExpired() {
    const box = $('globalAlert');
    box.replaceChildren(
      el('span', {}, t('sessionExpired')),
      el('a', { href: BASE + '/login' }, t('signIn')));
    box.hidden = false;
  }

  /**
   * Calls the API and returns the parsed JSON body (null for 204). Throws ApiError with the problem
   * details on failure. A login page instead of JSON means the session has expired.
   */
  async function api(path, { method = 'GET', body, contentType } = {}) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET' && method !== 'HEAD') {
      Object.assign(headers, csrfHeaders());
    }
    const init = { method, headers, credentials: 'same-origin' };
    if (body instanceof FormData) {
      init.body = body; // the browser sets the multipart boundary
    } else if (typeof body === 'string') {
      headers['Content-Type'] = contentType || 'text/plain';
      init.body = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }

    let response;
    try {
      response = await fetch(BASE + path, init);
    } catch (e) {
      throw new ApiError(0, {}, t('errorNetwork'));
    }
    const type = response.headers.get('content-type') || '';
    if (response.ok && type.includes('text/html')) {
      showSessionExpired(); // redirected to the login form
      throw new ApiError(401, {}, t('sessionExpired'));
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      if (response.status === 401 || (response.status === 403 && !problem.detail)) {
        showSessionExpired(); // expired login or stale CSRF token
      }
      throw new ApiError(response.status, problem,
        response.status === 401 || response.status === 403 ? t('sessionExpired') : t('errorGeneric'));
    }
    if (response.status === 204 || !type.includes('json')) {
      return null;
    }
    return response.json();
  }

  /* ================================================================== status */

  async function loadStatus() {
    const error = $('statusError');
    try {
      const status = await api('/api/v1/kb/status');
      error.hidden = true;
      renderStatus(status || {});
    } catch (err) {
      error.textContent = t('errorLoad') + ' ' + err.message;
      error.hidden = false;
    }
  }

  function renderStatus(status) {
    $('statVersion').textContent = isNumber(status.publishedVersion) ? 'v' + status.publishedVersion : t('noVersion');
    $('statFaqs').textContent = fmtInt(status.faqCount);
    $('statTexts').textContent = fmtInt(status.textCount);
    $('statReady').replaceChildren(status.ready
      ? el('span', { class: 'badge badge-success' }, t('ready'))
      : el('span', { class: 'badge badge-warn' }, t('notReady')));
    const calibration = status.calibration || {};
    const thresholds = [
      el('div', {}, t('answerThreshold', { v: fmtPct(calibration.answerThreshold) })),
      el('div', {}, t('clarifyThreshold', { v: fmtPct(calibration.clarifyThreshold) }))];
    if (isNumber(status.intentCount) && status.intentCount > 0) {
      thresholds.push(el('div', {}, t('intentModel', { n: fmtInt(status.intentCount), v: fmtPct(calibration.intentThreshold) })));
    }
    $('statThresholds').replaceChildren(...thresholds);
    $('statBuiltAt').textContent = fmtDate(status.builtAt);
  }

  /* ================================================================== import */

  const importForm = $('importForm');
  const importFile = $('importFile');
  const importMode = $('importMode');
  const importBtn = $('importBtn');
  const importResult = $('importResult');
  const importProgress = $('importProgress');
  let importing = false;   // this page is uploading
  let watching = false;    // an import started elsewhere is running
  let pollTimer = null;
  let pollBusy = false;
  let pollToken = 0;       // bumped when polling stops, so late answers are ignored
  let lastSnapshot = '';   // the last progress seen while watching, and since when it has not changed
  let lastChange = 0;
  const STALE_MS = 60000;  // a build that reports no change for this long is not watched any more

  function renderProgress(progress) {
    const phase = progress.phase || 'STARTING';
    const running = phase !== 'DONE' && phase !== 'FAILED';
    const done = isNumber(progress.done) ? progress.done : 0;
    const total = isNumber(progress.total) ? progress.total : 0;
    const barWrap = $('importBarWrap');
    const bar = $('importBar');

    importProgress.hidden = false;
    const phaseLabel = texts['phase.' + phase] || phase;
    if (running) {
      $('importPhase').replaceChildren(el('span', { class: 'spinner', 'aria-hidden': 'true' }), phaseLabel);
    } else {
      $('importPhase').replaceChildren(phaseLabel);
    }
    $('importCount').textContent = phase === 'INDEXING' && total > 0 ? fmtInt(done) + ' / ' + fmtInt(total) : '';

    barWrap.classList.toggle('failed', phase === 'FAILED');
    // One bar for the whole build: each phase owns a stretch of it; INDEXING advances by done/total.
    let ratio = null;
    const span = PHASE_SPANS[phase];
    if (phase === 'DONE' || phase === 'FAILED') {
      ratio = 1;
    } else if (span) {
      const inPhase = phase === 'INDEXING' && total > 0 ? Math.max(0, Math.min(1, done / total)) : 0;
      ratio = span[0] + (span[1] - span[0]) * inPhase;
    }
    barWrap.classList.toggle('indeterminate', ratio === null && running);
    bar.style.width = ratio === null ? '' : (ratio * 100).toFixed(1) + '%';
    if (ratio === null) {
      barWrap.removeAttribute('aria-valuenow');
    } else {
      barWrap.setAttribute('aria-valuenow', String(Math.round(ratio * 100)));
    }

    const current = PHASES.indexOf(phase);
    document.querySelectorAll('#importSteps li').forEach((item) => {
      const index = PHASES.indexOf(item.dataset.phase);
      item.classList.toggle('done', phase === 'DONE' || (current >= 0 && index < current));
      item.classList.toggle('current', index === current);
    });
    $('importMessage').textContent = typeof progress.message === 'string' ? progress.message : '';
  }

  function startPolling() {
    stopPolling();
    const token = pollToken;
    pollTimer = window.setInterval(() => pollProgress(token), POLL_MS);
  }

  function stopPolling() {
    pollToken++;
    if (pollTimer !== null) {
      window.clearInterval(pollTimer);
      pollTimer = null;
    }
  }

  async function pollProgress(token) {
    if (pollBusy) {
      return;
    }
    pollBusy = true;
    try {
      const progress = await api('/api/v1/kb/import/progress');
      if (token !== pollToken || !progress) {
        return;
      }
      if (progress.running && watching && isStale(progress)) {
        // The server can report a build as running long after it ended (e.g. the one made at start-up):
        // stop waiting for it; an import that really collides is answered with 409 anyway.
        stopPolling();
        watching = false;
        importProgress.hidden = true;
        importResult.replaceChildren();
      } else if (progress.running) {
        renderProgress(progress);
      } else if (watching) {
        // The import started elsewhere has finished.
        stopPolling();
        watching = false;
        renderProgress(progress);
        showAlert(importResult, progress.phase === 'FAILED' ? 'error' : 'success',
          progress.message || (texts['phase.' + progress.phase] || ''));
        refreshData();
      }
      // While this page uploads, a "not running" answer is the previous import: keep showing "uploading".
    } catch (e) {
      // transient; try again on the next tick
    } finally {
      pollBusy = false;
    }
  }

  function isStale(progress) {
    const snapshot = JSON.stringify(progress);
    if (snapshot !== lastSnapshot) {
      lastSnapshot = snapshot;
      lastChange = Date.now();
    }
    return Date.now() - lastChange > STALE_MS;
  }

  /**
   * On page load: if another import is running, show it and wait for it. The import button stays usable:
   * the server refuses a colliding import with 409, and a progress report can be stale.
   */
  async function checkRunningImport() {
    try {
      const progress = await api('/api/v1/kb/import/progress');
      if (progress && progress.running && !importing) {
        watching = true;
        isStale(progress);
        showAlert(importResult, 'info', t('importElsewhere'));
        renderProgress(progress);
        startPolling();
      }
    } catch (e) {
      // the status card reports connection problems
    }
  }

  function renderImportError(err) {
    const errors = Array.isArray(err.problem.errors) ? err.problem.errors : [];
    // With the problems listed below, the server's English summary ("1 error(s) in FAQ file; first: …") only repeats them.
    const parts = [alertBox('error', errors.length > 0 ? t('importUnchanged') : err.message, t('importFailed'))];
    if (errors.length > 0) {
      parts.push(
        el('h3', { class: 'subhead mt-sm' }, t('importErrorsTitle', { count: errors.length })),
        el('div', { class: 'table-wrap mt-sm scroll-y' },
          el('table', { class: 'table' },
            el('thead', {}, el('tr', {},
              el('th', { scope: 'col', class: 'num' }, t('importErrorsRow')),
              el('th', { scope: 'col' }, t('importErrorsColumn')),
              el('th', { scope: 'col' }, t('importErrorsMessage')))),
            el('tbody', {}, errors.map((e) => el('tr', {},
              el('td', { class: 'num' }, str(e && e.row)),
              el('td', { class: 'mono' }, str(e && e.column)),
              el('td', {}, str(e && e.message))))))));
    }
    importResult.replaceChildren(...parts);
  }

  async function onImport(event) {
    event.preventDefault();
    if (importing) {
      return;
    }
    const file = importFile.files && importFile.files[0];
    if (!file) {
      showAlert(importResult, 'error', t('importNoFile'));
      importFile.focus();
      return;
    }
    if (watching) {
      stopPolling(); // this page's upload takes over the progress display
      watching = false;
    }
    const data = new FormData();
    data.append('file', file);
    data.append('mode', importMode.value);

    importing = true;
    setButtonBusy(importBtn, true, t('importRunning'));
    importResult.replaceChildren();
    renderProgress({ phase: 'STARTING', done: 0, total: 0 });
    startPolling();
    try {
      const result = (await api('/api/v1/kb/faqs/import', { method: 'POST', body: data })) || {};
      stopPolling();
      renderProgress({ phase: 'DONE', done: result.imported, total: result.imported });
      showAlert(importResult, 'success', t('importSuccess', { n: fmtInt(result.imported), v: str(result.version) }));
      importFile.value = '';
      refreshData();
    } catch (err) {
      stopPolling();
      if (err.status === 409) {
        importProgress.hidden = true;
        showAlert(importResult, 'warn', t('importConflict'));
      } else {
        renderProgress({ phase: 'FAILED', done: 0, total: 0, message: '' });
        renderImportError(err);
      }
    } finally {
      importing = false;
      setButtonBusy(importBtn, false);
    }
  }

  /* ================================================================== versions */

  const versionsBody = $('versionsBody');
  const versionsMsg = $('versionsMsg');
  const STATUS_BADGE = { PUBLISHED: 'badge badge-success', DRAFT: 'badge badge-brand', ARCHIVED: 'badge badge-muted' };

  async function loadVersions() {
    try {
      const list = await api('/api/v1/kb/versions');
      renderVersions(Array.isArray(list) ? list : []);
    } catch (err) {
      versionsBody.replaceChildren(emptyRow(7, t('errorLoad')));
      showAlert(versionsMsg, 'error', err.message);
    }
  }

  function renderVersions(list) {
    if (list.length === 0) {
      versionsBody.replaceChildren(emptyRow(7, t('versionsEmpty')));
      return;
    }
    const sorted = [...list].sort((a, b) => (b.version || 0) - (a.version || 0));
    versionsBody.replaceChildren(...sorted.map((v) => {
      const published = v.status === 'PUBLISHED';
      const action = published ? el('span', { class: 'field-hint' }, '—') : el('button', {
        type: 'button',
        class: 'btn btn-sm',
        onclick: (event) => publish(v.version, event.currentTarget)
      }, t('publish'));
      return el('tr', { class: published ? 'current-row' : null },
        el('td', { class: 'num' }, el('strong', {}, 'v' + str(v.version))),
        el('td', {}, el('span', { class: STATUS_BADGE[v.status] || 'badge' }, texts['vstatus.' + v.status] || str(v.status))),
        el('td', { class: 'nowrap' }, fmtDate(v.createdAt)),
        el('td', {}, str(v.createdBy)),
        el('td', { class: 'mono' }, str(v.source)),
        el('td', { class: 'num' }, fmtInt(v.faqCount)),
        el('td', {}, action));
    }));
  }

  async function publish(version, button) {
    if (!window.confirm(t('publishConfirm', { v: version }))) {
      return;
    }
    button.disabled = true;
    button.textContent = t('publishing');
    // Publishing rebuilds the index, which can take a while: show the build phase meanwhile.
    let active = true;
    const timer = window.setInterval(async () => {
      try {
        const progress = await api('/api/v1/kb/import/progress');
        if (active && progress && progress.running) {
          const count = progress.phase === 'INDEXING' && progress.total > 0
            ? ' ' + fmtInt(progress.done) + ' / ' + fmtInt(progress.total) : '';
          showAlert(versionsMsg, 'info', (texts['phase.' + progress.phase] || str(progress.phase)) + count,
            t('publishing'));
        }
      } catch (e) {
        // transient
      }
    }, POLL_MS);
    try {
      const result = await api('/api/v1/kb/versions/' + encodeURIComponent(String(version)) + '/publish', { method: 'POST' });
      const published = result && result.version !== undefined ? result.version : version;
      active = false;
      showAlert(versionsMsg, 'success', t('published', { v: published }));
      refreshData();
    } catch (err) {
      active = false;
      showAlert(versionsMsg, err.status === 409 ? 'warn' : 'error', err.status === 409 ? t('importConflict') : err.message);
      button.disabled = false;
      button.textContent = t('publish');
    } finally {
      active = false;
      window.clearInterval(timer);
    }
  }

  /* ================================================================== FAQ browser */

  const faqBody = $('faqBody');
  const faqMsg = $('faqMsg');
  const faqQuery = $('faqQuery');
  const faqPrev = $('faqPrev');
  const faqNext = $('faqNext');
  const faqState = { q: '', page: 0, size: 20, pages: 1, seq: 0 };
  const SIMILAR_SHOWN = 3;
  let searchTimer = null;

  async function loadFaqs(page = faqState.page) {
    const seq = ++faqState.seq;
    const params = new URLSearchParams({ q: faqState.q, page: String(page), size: String(faqState.size) });
    try {
      const data = await api('/api/v1/kb/faqs?' + params.toString());
      if (seq !== faqState.seq) {
        return; // a newer search has started
      }
      faqMsg.replaceChildren();
      renderFaqs(data || {});
    } catch (err) {
      if (seq === faqState.seq) {
        faqBody.replaceChildren(emptyRow(5, t('errorLoad')));
        showAlert(faqMsg, 'error', err.message);
      }
    }
  }

  function toggleFaqRow(row) {
    const expanded = row.classList.toggle('expanded');
    row.setAttribute('aria-expanded', String(expanded));
  }

  function renderFaqs(data) {
    const items = Array.isArray(data.items) ? data.items : [];
    const total = isNumber(data.total) ? data.total : items.length;
    const size = isNumber(data.size) && data.size > 0 ? data.size : faqState.size;
    faqState.page = isNumber(data.page) ? data.page : 0;
    faqState.pages = Math.max(1, Math.ceil(total / size));

    if (items.length === 0) {
      faqBody.replaceChildren(emptyRow(5, t('faqEmpty')));
    } else {
      faqBody.replaceChildren(...items.map(renderFaqRow));
    }
    $('faqPageInfo').textContent = t('faqPage', {
      page: fmtInt(faqState.page + 1), pages: fmtInt(faqState.pages), total: fmtInt(total)
    });
    faqPrev.disabled = faqState.page <= 0;
    faqNext.disabled = faqState.page + 1 >= faqState.pages;
  }

  function renderFaqRow(faq) {
    const similar = Array.isArray(faq.similarQuestions) ? faq.similarQuestions.filter((s) => typeof s === 'string') : [];
    const hidden = similar.length - SIMILAR_SHOWN;
    const enabled = faq.enabled !== false;
    const row = el('tr', {
      class: 'faq-row',
      tabindex: 0,
      'aria-expanded': 'false',
      onclick: (event) => {
        if (!window.getSelection || String(window.getSelection()) === '') {
          toggleFaqRow(event.currentTarget);
        }
      },
      onkeydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          toggleFaqRow(event.currentTarget);
        }
      }
    },
    el('td', { class: 'mono' }, str(faq.id)),
    el('td', { class: 'nowrap' }, str(faq.category)),
    el('td', { class: 'col-q' },
      el('div', {}, str(faq.question)),
      similar.length > 0 ? el('div', { class: 'similar-list' },
        similar.map((s) => el('span', {}, s)),
        hidden > 0 ? el('span', { class: 'similar-more' }, t('faqMore', { n: hidden })) : null) : null),
    el('td', { class: 'col-a' }, el('div', { class: 'clamp' }, str(faq.answer))),
    el('td', {}, el('span', { class: enabled ? 'badge badge-success' : 'badge badge-muted' }, enabled ? t('faqOn') : t('faqOff'))));
    return row;
  }

  function searchFaqs() {
    window.clearTimeout(searchTimer);
    faqState.q = faqQuery.value.trim();
    loadFaqs(0);
  }

  /* ================================================================== batch test */

  const batchForm = $('batchForm');
  const batchFile = $('batchFile');
  const batchBtn = $('batchBtn');
  const batchMsg = $('batchMsg');
  const IN_SCOPE_METRICS = ['top1Accuracy', 'clarifyRate', 'clarifyHitRate', 'wrongAnswerRate'];
  const TYPE_BADGE = { ANSWER: 'badge badge-success', CLARIFY: 'badge badge-brand', FALLBACK: 'badge badge-warn' };

  /** good / ok / bad colouring of a metric tile; higher or lower is better depending on the metric. */
  function grade(value, better) {
    if (!isNumber(value) || !better) {
      return '';
    }
    if (better === 'high') {
      return value >= 0.9 ? 'good' : value >= 0.75 ? 'ok' : 'bad';
    }
    return value <= 0.05 ? 'good' : value <= 0.15 ? 'ok' : 'bad';
  }

  async function onBatch(event) {
    event.preventDefault();
    const file = batchFile.files && batchFile.files[0];
    if (!file) {
      showAlert(batchMsg, 'error', t('batchNoFile'));
      batchFile.focus();
      return;
    }
    const data = new FormData();
    data.append('file', file);
    setButtonBusy(batchBtn, true, t('batchRunning'));
    batchMsg.replaceChildren();
    try {
      const report = await api('/api/v1/kb/batch-test', { method: 'POST', body: data });
      renderBatch(report || {});
    } catch (err) {
      const errors = Array.isArray(err.problem.errors) ? err.problem.errors : [];
      const details = errors.length > 0
        ? el('ul', { class: 'mt-sm' }, errors.slice(0, 20).map((e) =>
          el('li', {}, '#' + str(e && e.row) + (e && e.column ? ' [' + e.column + ']' : '') + ': ' + str(e && e.message))))
        : null;
      batchMsg.replaceChildren(el('div', { class: 'alert alert-error', role: 'alert' },
        el('div', {}, el('div', { class: 'alert-title' }, t('batchFailed')), el('div', {}, err.message), details)));
    } finally {
      setButtonBusy(batchBtn, false);
    }
  }

  function renderBatch(report) {
    $('batchResult').hidden = false;
    $('batchTotal').textContent = fmtInt(report.total);
    $('batchInScope').textContent = fmtInt(report.inScope);
    $('batchOutOfScope').textContent = fmtInt(report.outOfScope);

    document.querySelectorAll('#batchResult .metric').forEach((tile) => {
      const key = tile.dataset.metric;
      const denominator = IN_SCOPE_METRICS.includes(key) ? report.inScope : report.outOfScope;
      const value = isNumber(denominator) && denominator > 0 ? report[key] : null;
      tile.querySelector('.metric-value').textContent = fmtPct(value);
      tile.classList.remove('good', 'ok', 'bad');
      const g = grade(value, tile.dataset.better);
      if (g) {
        tile.classList.add(g);
      }
    });

    const styles = report.byStyle && typeof report.byStyle === 'object' ? Object.entries(report.byStyle) : [];
    $('batchStyles').hidden = styles.length === 0;
    $('batchStyleBars').replaceChildren(...styles
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([name, value]) => {
        const fill = el('div', { class: 'fill' });
        fill.style.width = (isNumber(value) ? Math.max(0, Math.min(1, value)) * 100 : 0).toFixed(1) + '%';
        return el('div', { class: 'style-bar' },
          el('span', { class: 'name', title: name }, name),
          el('div', { class: 'track', 'aria-hidden': 'true' }, fill),
          el('span', { class: 'pct' }, fmtPct(value)));
      }));

    const unknown = Array.isArray(report.unknownExpectedIds) ? report.unknownExpectedIds : [];
    $('batchUnknownIds').hidden = unknown.length === 0;
    $('batchUnknownIds').textContent = unknown.length ? t('batchUnknownIds', { ids: unknown.join(', ') }) : '';

    const misses = Array.isArray(report.misses) ? report.misses : [];
    $('batchMissCount').textContent = '(' + fmtInt(misses.length) + ')';
    $('batchNoMisses').hidden = misses.length > 0;
    $('batchMissWrap').hidden = misses.length === 0;
    $('batchMissBody').replaceChildren(...misses.map((m) => el('tr', {},
      el('td', { class: 'num' }, str(m.row)),
      el('td', { class: 'col-query' }, str(m.query)),
      el('td', { class: 'mono' }, m.expectedId ? m.expectedId : t('batchNone')),
      el('td', {}, m.answeredType
        ? el('span', { class: TYPE_BADGE[m.answeredType] || 'badge' }, texts['type.' + m.answeredType] || m.answeredType)
        : '—'),
      el('td', { class: 'col-answered' },
        m.answeredId ? el('div', { class: 'mono' }, m.answeredId) : null,
        m.answeredQuestion ? el('div', { class: 'field-hint' }, m.answeredQuestion) : (m.answeredId ? null : '—')),
      el('td', { class: 'num' }, fmtPct(m.confidence)))));

    $('batchResult').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  /* ================================================================== wiring */

  function refreshData() {
    loadStatus();
    loadVersions();
    loadFaqs(0);
  }

  importForm.addEventListener('submit', onImport);
  batchForm.addEventListener('submit', onBatch);

  /* ================================================================== flows */

  const flowsForm = $('flowsForm');
  const flowsFile = $('flowsFile');
  const flowsBtn = $('flowsBtn');
  const flowsMsg = $('flowsMsg');

  async function onFlowsImport(event) {
    event.preventDefault();
    const file = flowsFile.files && flowsFile.files[0];
    if (!file) {
      showAlert(flowsMsg, 'error', t('flowsNoFile'));
      flowsFile.focus();
      return;
    }
    setButtonBusy(flowsBtn, true, t('flowsRunning'));
    flowsMsg.replaceChildren();
    try {
      const text = await file.text();
      const result = await api('/api/v1/kb/flows/import', { method: 'POST', body: text, contentType: 'application/yaml' });
      showAlert(flowsMsg, 'success', t('flowsSuccess', {
        f: fmtInt(result && result.flows), c: fmtInt(result && result.clarifications), v: str(result && result.version)
      }));
      flowsFile.value = '';
      loadStatus();
      loadVersions();
    } catch (err) {
      flowsMsg.replaceChildren(el('div', { class: 'alert alert-error', role: 'alert' },
        el('div', {}, el('div', { class: 'alert-title' }, t('flowsFailed')),
          el('div', { class: 'mono' }, str(err.problem && err.problem.detail) || err.message))));
    } finally {
      setButtonBusy(flowsBtn, false);
    }
  }

  if (flowsForm) {
    flowsForm.addEventListener('submit', onFlowsImport);
  }
  $('statusRefresh').addEventListener('click', loadStatus);
  $('versionsRefresh').addEventListener('click', () => {
    versionsMsg.replaceChildren();
    loadVersions();
  });
  $('faqSearch').addEventListener('submit', (event) => {
    event.preventDefault();
    searchFaqs();
  });
  faqQuery.addEventListener('input', () => {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(searchFaqs, 350);
  });
  /** Pager buttons sit below the table: after turning the page, show the new page from its first row. */
  async function turnPage(page) {
    await loadFaqs(page);
    const table = faqBody.closest('.table-wrap');
    if (table && table.getBoundingClientRect().top < 80) { // 80: below the sticky top bar
      $('faqs').scrollIntoView({ block: 'start' });
    }
  }

  faqPrev.addEventListener('click', () => turnPage(Math.max(0, faqState.page - 1)));
  faqNext.addEventListener('click', () => turnPage(faqState.page + 1));

  loadStatus();
  loadVersions();
  loadFaqs(0);
  checkRunningImport();

  // Shared with the users and audit cards below.
  window.HuidaAdmin = Object.freeze({ api, t, texts, fmtDate, str, showAlert, emptyRow, setButtonBusy });
})();

/*
 * Users card (list, add, enable/disable, change role) and audit-log card (latest 50, by action).
 * User-supplied text (display names, teams, audit details) is inserted as text nodes only.
 */
(() => {
  const { el } = window.HuidaDom;
  const { api, t, texts, fmtDate, str, showAlert, emptyRow, setButtonBusy } = window.HuidaAdmin;
  const $ = (id) => document.getElementById(id);
  const ROLES = ['AGENT', 'SUPERVISOR', 'ADMIN'];
  const usersBody = $('usersBody');
  const usersMsg = $('usersMsg');
  const auditBody = $('auditBody');
  if (!usersBody || !auditBody) {
    return;
  }

  function problemText(err) {
    return (err.problem && err.problem.detail) || err.message;
  }

  async function loadUsers() {
    try {
      renderUsers(await api('/api/v1/users') || []);
    } catch (err) {
      usersBody.replaceChildren(emptyRow(6, problemText(err)));
    }
  }

  function renderUsers(list) {
    if (list.length === 0) {
      usersBody.replaceChildren(emptyRow(6, t('users.empty')));
      return;
    }
    usersBody.replaceChildren(...list.map(renderUser));
  }

  function renderUser(user) {
    const role = el('select', { class: 'select', 'aria-label': t('users.role') + ' ' + user.username },
      ROLES.map((r) => el('option', { value: r, selected: r === user.role }, texts['role.' + r] || r)));
    role.addEventListener('change', () => changeUser(user.username, { role: role.value }, role));
    const toggle = el('button', { type: 'button', class: 'btn btn-sm' }, user.enabled ? t('users.disable') : t('users.enable'));
    toggle.addEventListener('click', () => changeUser(user.username, { enabled: !user.enabled }, toggle));
    return el('tr', {},
      el('td', { class: 'mono' }, user.username),
      el('td', {}, str(user.displayName)),
      el('td', {}, role),
      el('td', {}, str(user.team)),
      el('td', {}, el('span', { class: user.enabled ? 'badge badge-success' : 'badge badge-muted' },
        user.enabled ? t('users.enabled') : t('users.disabled'))),
      el('td', {}, toggle));
  }

  async function changeUser(username, changes, control) {
    control.disabled = true;
    try {
      await api('/api/v1/users/' + encodeURIComponent(username), { method: 'PUT', body: changes });
      showAlert(usersMsg, 'success', t('users.changed', { u: username }));
      loadAudit();
    } catch (err) {
      showAlert(usersMsg, 'error', problemText(err), t('users.failed'));
    }
    await loadUsers();
  }

  async function onCreateUser(event) {
    event.preventDefault();
    const form = $('userForm');
    const button = $('userCreateBtn');
    const body = {
      username: $('userName').value.trim(),
      displayName: $('userDisplayName').value.trim(),
      role: $('userRole').value,
      team: $('userTeam').value.trim() || null,
      password: $('userPassword').value
    };
    setButtonBusy(button, true);
    try {
      const created = await api('/api/v1/users', { method: 'POST', body });
      showAlert(usersMsg, 'success', t('users.created', { u: created.username }));
      form.reset();
      loadUsers();
      loadAudit();
    } catch (err) {
      showAlert(usersMsg, 'error', problemText(err), t('users.failed'));
    } finally {
      $('userPassword').value = '';
      setButtonBusy(button, false);
    }
  }

  async function loadAudit() {
    const action = $('auditAction').value;
    const query = '?size=50' + (action ? '&action=' + encodeURIComponent(action) : '');
    try {
      const page = await api('/api/v1/audit' + query);
      const items = (page && page.items) || [];
      $('auditMsg').replaceChildren();
      auditBody.replaceChildren(...(items.length === 0 ? [emptyRow(6, t('audit.empty'))] : items.map((e) => el('tr', {},
        el('td', {}, fmtDate(e.at)),
        el('td', { class: 'mono' }, str(e.actor)),
        el('td', {}, el('span', { class: e.action === 'LOGIN_FAILURE' ? 'badge badge-warn' : 'badge badge-plain' }, str(e.action))),
        el('td', {}, str(e.target)),
        el('td', {}, str(e.detail)),
        el('td', { class: 'mono' }, str(e.ip))))));
    } catch (err) {
      auditBody.replaceChildren(emptyRow(6, problemText(err)));
    }
  }

  $('userForm').addEventListener('submit', onCreateUser);
  $('usersRefresh').addEventListener('click', loadUsers);
  $('auditRefresh').addEventListener('click', loadAudit);
  $('auditAction').addEventListener('change', loadAudit);
  loadUsers();
  loadAudit();
})();
