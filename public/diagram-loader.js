// Shared by the diagram pages: draws the BPMN file at the container's data-diagram-url with the bpmn-js NavigatedViewer.
(function () {
  'use strict';
  /** Resolves with the viewer once drawn; rejects when bpmn-js is missing or the file cannot be loaded or read. */
  window.loadBpmnDiagram = function (container) {
    if (typeof window.BpmnJS !== 'function') return Promise.reject(new Error('bpmn-js saknas'));
    var viewer = new window.BpmnJS({ container: container });
    return fetch(container.getAttribute('data-diagram-url'), { credentials: 'same-origin', headers: { accept: 'application/xml' } })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () { return viewer; });
  };
})();
