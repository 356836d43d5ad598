/*
 * Huida (慧答) — DOM helpers shared by the chat page and the console: the app's base path, the page's
 * translated texts, and safe element creation (server text always becomes text nodes, never HTML).
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

  return Object.freeze({ basePath, readTexts, translator, el });
})();
