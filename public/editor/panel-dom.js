// The properties panel's small DOM helpers: elements, labelled fields, inputs that write on commit, and ids that are
// unique within one panel (pp-<prefix>-<n>), so every label and hint is tied to its input.
(function (root) {
  'use strict';

  /** One set of helpers per panel: the ids count from 1 for each panel made. */
  root.PanelDom = function () {
    var uid = 0;

    function h(tag, attrs, children) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (key) {
        if (key === 'text') node.textContent = attrs[key];
        else if (key in node && typeof attrs[key] !== 'string') node[key] = attrs[key];
        else node.setAttribute(key, attrs[key]);
      });
      (children || []).forEach(function (child) { if (child) node.appendChild(child); });
      return node;
    }
    function nextId(prefix) { uid += 1; return 'pp-' + prefix + '-' + uid; }
    function field(label, input, hint) {
      input.id = input.id || nextId('f');
      var hintNode = hint ? h('p', { class: 'hint', id: nextId('hint'), text: hint }) : null;
      if (hintNode) input.setAttribute('aria-describedby', hintNode.id);
      return h('div', { class: 'field' }, [h('label', { for: input.id, text: label }), input, hintNode]);
    }
    /** A text input that writes to the diagram when the value is committed (change), not on every key. */
    function textInput(value, commit, options) {
      var input = h(options && options.multiline ? 'textarea' : 'input', options && options.multiline ? { rows: '3' } : { type: 'text' });
      input.value = value || '';
      input.addEventListener('change', function () { commit(input.value); });
      return input;
    }
    function select(options, value, commit) {
      var node = h('select', {}, options.map(function (o) {
        var option = h('option', { value: o.id, text: o.name });
        if (o.id === value) option.selected = true;
        return option;
      }));
      node.addEventListener('change', function () { commit(node.value); });
      return node;
    }
    function checkbox(label, checked, commit) {
      var input = h('input', { type: 'checkbox', id: nextId('c') });
      input.checked = Boolean(checked);
      input.addEventListener('change', function () { commit(input.checked); });
      return h('div', { class: 'choice' }, [input, h('label', { for: input.id, class: 'choice', text: label })]);
    }
    function button(text, onClick, secondary) {
      var node = h('button', { type: 'button', class: secondary ? 'secondary' : '', text: text });
      node.addEventListener('click', onClick);
      return node;
    }

    return { h: h, nextId: nextId, field: field, textInput: textInput, select: select, checkbox: checkbox, button: button };
  };
})(typeof window !== 'undefined' ? window : globalThis);
