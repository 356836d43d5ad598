/*
 * Huida (慧答) — DOM helpers shared by the chat page and the console: the app's base path, the page's
 * translated texts, safe element creation (server text always becomes text nodes, never HTML) and
 * reading problem details from failed API calls.
 */
'use strict';

window.HuidaDom = (() => {
  function basePath() {
    const meta = document.querySelector('meta[name="huida-base"]');
    const value = ((meta && meta.content) || '/').split(';')[0];
    return value.endsWith('/') ? value.slice(0, -1) : value;
  }

  function readTexts() {
    const out = {};
    document.querySelectorAll('#huida-i18n [data-k]').forEach((node) => {
      out[node.dataset.k] = node.textContent.trim();
    });
    return out;
  }

  /** A function that looks up a text and fills {name} placeholders. */
  function translator(texts) {
    return (key, params = {}) => {
    let text = texts[key] ?? key;
    for (const [name, value] of Object.entries(params)) {
      text = text.split('{' + name + '}').join(String(value));
    }
    return text;
    };
  }

  /**
   * Creates an element. Strings among the children become text nodes, so server text is never parsed as HTML.
   * Options: class, text, dataset, on<event> handlers, anything else becomes an attribute.
   */
  function el(tag, options = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(options)) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (key === 'class') {
        node.className = value;
      } else if (key === 'text') {
        node.textContent = value;
      } else if (key === 'dataset') {
        Object.assign(node.dataset, value);
      } else if (key.startsWith('on') && typeof value === 'function') {
        node.addEventListener(key.slice(2), value);
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  /** An API call that failed, with the RFC 9457 problem detail the server sent (or an empty one). */
  class ApiError extends Error {
    constructor(status, problem, fallback) {
      super((problem && (problem.detail || problem.title)) || fallback);
      this.name = 'ApiError';
      this.status = status;
      this.problem = problem || {};
    }
  }

  /** The problem detail of a failed response, or {} when the body is not JSON. */
  async function readProblem(response) {
    try {
      const type = response.headers.get('content-type') || '';
      if (type.includes('json')) {
        const body = await response.json();
        if (body && typeof body === 'object') {
          return body;
        }
      }
    } catch (e) {
      // not JSON
    }
    return {};
  }

  function meta(name) {
    const node = document.querySelector('meta[name="' + name + '"]');
    return node ? node.getAttribute('content') : null;
  }

  /** The CSRF header from the page's meta tags, for every non-GET call made with the session cookie. */
  function csrfHeaders() {
    const token = meta('_csrf');
    const header = meta('_csrf_header');
    return token && header ? { [header]: token } : {};
  }

  function isNumber(value) {
    return typeof value === 'number' && Number.isFinite(value);
  }

  return Object.freeze({ basePath, readTexts, translator, el, ApiError, readProblem, csrfHeaders, isNumber });
})();
