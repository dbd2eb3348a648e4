// The editor's calls to the server: the diagram to start from, the catalogue, checks, timer words and publish.
(function () {
  'use strict';

  function readJson(response) {
    return response.json().then(
      function (body) { return { status: response.status, body: body }; },
      function () { return { status: response.status, body: { message: 'Servern svarade inte med JSON (HTTP ' + response.status + ').' } }; },
    );
  }

  function postXml(url, xml) {
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/xml', accept: 'application/json' }, body: xml })
      .then(readJson);
  }

  window.EditorApi = {
    loadSource: function (url) {
      return fetch(url, { credentials: 'same-origin', headers: { accept: 'application/xml' } }).then(function (response) {
        if (!response.ok) throw new Error('Diagrammet kunde inte hämtas (HTTP ' + response.status + ').');
        return response.text();
      });
    },
    loadJson: function (url) {
      return fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(function (response) {
        if (!response.ok) throw new Error('Uppgifter till redigeraren kunde inte hämtas (HTTP ' + response.status + ').');
        return response.json();
      });
    },
    /** Resolves { ok, text } or { ok: false, message }. */
    timerWords: function (kind, value) {
      var query = new URLSearchParams({ kind: kind, value: value });
      return fetch('/api/editor/timer-words?' + query, { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(readJson)
        .then(function (answer) { return answer.status === 200 ? answer.body : { ok: false, message: answer.body.message }; });
    },
    /** Resolves { status, body } where body is { key, problems, warnings } on 200. */
    check: function (key, xml) { return postXml('/api/editor/check?key=' + encodeURIComponent(key), xml); },
    /** Resolves { status, body }: 201 { key, version }, 400 { message, fields: [{ field, message }] }, or 409 when
     *  someone published after `base`, the version the editor started from. */
    publish: function (key, base, xml) {
      return postXml('/api/editor/publish?key=' + encodeURIComponent(key) + '&base=' + encodeURIComponent(base), xml);
    },
  };
})();
