// Small DOM helpers shared by the pages. No framework: the pages are plain HTML that these functions fill in.
(function (global) {
  'use strict';

  function $(id) {
    return document.getElementById(id);
  }

  /** el('li', {class: 'x', dataset: {userId: 'u1'}, onclick: fn}, 'text', otherNode) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'class') node.className = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  let toastTimer;
  function toast(text) {
    const box = $('toast');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, 4000);
  }

  /** The round picture of a person: their thumbnail when they have one, else their initial. */
  function avatar(name, sizes) {
    if (sizes && (sizes['64'] || sizes['128'])) {
      return el('img', { class: 'avatar', src: sizes['64'] || sizes['128'], alt: '' });
    }
    return el('span', { class: 'avatar initial' }, (name || '?').trim().charAt(0).toUpperCase());
  }

  function errorText(err) {
    return err && err.code ? err.code + (err.message && err.message !== err.code ? ': ' + err.message : '') : String(err);
  }

  function ago(iso) {
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (!isFinite(seconds)) return '';
    if (seconds < 60) return 'just now';
    if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
    return Math.round(seconds / 3600) + ' h ago';
  }

  const KIND_NAMES = { tictactoe: 'Tic-tac-toe', connect4: 'Connect four' };

  global.UI = { $, el, toast, avatar, errorText, ago, KIND_NAMES };
})(window);
